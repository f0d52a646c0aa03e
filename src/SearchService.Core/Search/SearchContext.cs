using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search;

/// <summary>
/// What rewriting a query and building its weights needs from a snapshot: its segments, the
/// similarity, the limits and snapshot-wide statistics (field lengths cached for the snapshot's
/// life, since segments never change).
/// </summary>
public sealed class SearchContext
{
    private readonly SnapshotCache _cache;

    /// <summary>A context over <paramref name="snapshot"/> with its own statistics cache.</summary>
    public SearchContext(IndexSnapshot snapshot, Bm25Similarity? similarity = null, SearchLimits? limits = null)
        : this(snapshot, similarity ?? Bm25Similarity.Default, limits ?? SearchLimits.Default, new SnapshotCache())
    {
    }

    internal SearchContext(IndexSnapshot snapshot, Bm25Similarity similarity, SearchLimits limits, SnapshotCache cache)
    {
        Snapshot = snapshot;
        Similarity = similarity;
        Limits = limits;
        _cache = cache;
        var leaves = new LeafContext[snapshot.Segments.Count];
        for (var i = 0; i < leaves.Length; i++)
        {
            leaves[i] = new LeafContext(snapshot.Segments[i], snapshot.DocBases[i], i);
        }

        Leaves = leaves;
    }

    /// <summary>The snapshot searched.</summary>
    public IndexSnapshot Snapshot { get; }

    /// <summary>
    /// Stops the search when cancelled (the client went away, the timeout passed): rewrites and
    /// scoring loops check it every few hundred terms or a thousand documents and throw
    /// <see cref="OperationCanceledException"/>, so an abandoned search releases its CPU.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The segments with their document bases.</summary>
    public IReadOnlyList<LeafContext> Leaves { get; }

    /// <summary>The ranking function.</summary>
    public Bm25Similarity Similarity { get; }

    /// <summary>The cost bounds.</summary>
    public SearchLimits Limits { get; }

    /// <summary>Documents in the snapshot, deleted ones included (the N of document frequencies).</summary>
    public int MaxDoc => Snapshot.MaxDoc;

    /// <summary>Statistics of <paramref name="field"/> over the whole snapshot.</summary>
    public FieldStatistics Statistics(string field) => _cache.Statistics.GetOrAdd(field, Compute, this);

    /// <summary>
    /// The values of keyword field <paramref name="field"/> in the snapshot, grouped by
    /// <paramref name="key"/> (a case- and accent-free form), built on first use and shared by the
    /// snapshot's searches: locality, province, type and level filters then cost a lookup.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> KeywordsByKey(string field, Func<string, string> key) =>
        _cache.KeywordsByKey.GetOrAdd(field, static (name, state) =>
        {
            var groups = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var leaf in state.Context.Leaves)
            {
                var number = leaf.Segment.FieldNumber(name);
                if (number < 0)
                {
                    continue;
                }

                foreach (var (term, _) in leaf.Segment.Terms.Enumerate(number))
                {
                    var k = state.Key(term);
                    if (!groups.TryGetValue(k, out var set))
                    {
                        groups[k] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(term);
                }
            }

            var result = new Dictionary<string, string[]>(groups.Count, StringComparer.Ordinal);
            foreach (var (k, set) in groups)
            {
                result[k] = [.. set];
            }

            return result;
        }, (Context: this, Key: key));

    /// <summary>In how many documents of the snapshot <paramref name="term"/> of <paramref name="field"/> occurs.</summary>
    public long DocFreq(string field, string term)
    {
        long df = 0;
        foreach (var leaf in Leaves)
        {
            var number = leaf.Segment.FieldNumber(field);
            if (number >= 0 && leaf.Segment.Terms.TryGet(number, term, out var info))
            {
                df += info.DocFreq;
            }
        }

        return df;
    }

    private static FieldStatistics Compute(string field, SearchContext context)
    {
        long docs = 0;
        double total = 0;
        var hasNorms = false;
        foreach (var leaf in context.Leaves)
        {
            var segment = leaf.Segment;
            var number = segment.FieldNumber(field);
            if (number < 0)
            {
                continue;
            }

            if (segment.Info.Fields[number].Kind != FieldKind.Text)
            {
                docs += segment.MaxDoc;
                continue;
            }

            hasNorms = true;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                var norm = segment.Norm(number, doc);
                if (norm > 0)
                {
                    docs++;
                    total += Index.Codec.NormEncoding.Decode(norm);
                }
            }
        }

        var average = hasNorms ? (docs > 0 ? total / docs : 1) : 1;
        return new FieldStatistics(Math.Max(docs, 1), average, context.Similarity.LengthTable(average, hasNorms));
    }
}
