using System.Numerics;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Scoring;

/// <summary>A <see cref="TermSetQuery"/> prepared for scoring: per segment, the union of its terms' documents as a sorted list, each scoring the boost.</summary>
public sealed class TermSetWeight : Weight
{
    private readonly TermSetQuery _query;
    private readonly float _score;
    private readonly CancellationToken _cancellation;

    /// <summary>Prepares <paramref name="query"/>; every match scores <paramref name="score"/>; <paramref name="cancellation"/> stops the union between terms.</summary>
    public TermSetWeight(TermSetQuery query, float score, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _score = score;
        _cancellation = cancellation;
    }

    /// <inheritdoc />
    /// <remarks>The terms' document frequencies summed, without walking their postings into the set as the scorer does.</remarks>
    public override long Cost(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var segment = leaf.Segment;
        var field = segment.FieldNumber(_query.Field);
        long cost = 0;
        if (field >= 0)
        {
            foreach (var term in _query.Terms)
            {
                if (segment.Terms.TryGet(field, term, out var info))
                {
                    cost += info.DocFreq;
                }
            }
        }

        return Math.Min(cost, segment.MaxDoc);
    }

    /// <inheritdoc />
    public override Scorer? GetScorer(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var segment = leaf.Segment;
        var field = segment.FieldNumber(_query.Field);
        if (field < 0)
        {
            return null;
        }

        var bits = new ulong[(segment.MaxDoc + 63) >> 6];
        var any = false;
        foreach (var term in _query.Terms)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (!segment.Terms.TryGet(field, term, out var info))
            {
                continue;
            }

            any = true;
            var postings = segment.Postings(info);
            for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
            {
                bits[doc >> 6] |= 1UL << (doc & 63);
            }
        }

        if (!any)
        {
            return null;
        }

        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        var docs = new int[count];
        var next = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                docs[next++] = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }

        return new DocSetScorer(docs, count, _score);
    }

    /// <inheritdoc />
    public override Explanation Explain(LeafContext leaf, int doc)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var field = leaf.Segment.FieldNumber(_query.Field);
        foreach (var term in _query.Terms)
        {
            if (field >= 0 && leaf.Segment.Terms.TryGet(field, term, out var info) && leaf.Segment.Postings(info).Advance(doc) == doc)
            {
                return Explanation.Leaf(_score, $"{_query.Field}:{term}, one of {_query.Terms.Count} expansions (constant score)");
            }
        }

        return Explanation.NoMatch($"none of the {_query.Terms.Count} terms of {_query.Field} is in the document");
    }
}
