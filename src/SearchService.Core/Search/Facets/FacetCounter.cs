using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;

namespace SearchService.Core.Search.Facets;

/// <summary>
/// Counts facet values over every match of a query (not only the top hits). Matches come as one
/// <see cref="BitArray"/> per snapshot segment, in <see cref="IndexSnapshot.Segments"/> order, each
/// <c>Length</c> = that segment's <see cref="SegmentReader.MaxDoc"/>, a set bit for each matching
/// live document. Keyword fields are counted through the segment's ordinals (an int array per
/// segment, then one dictionary add per distinct value, not per document); numeric fields through
/// the numeric column.
/// </summary>
public static class FacetCounter
{
    /// <summary>Counts each of <paramref name="requests"/> over <paramref name="matches"/>.</summary>
    public static IReadOnlyList<FacetResult> Count(IndexSnapshot snapshot, IReadOnlyList<BitArray> matches, IEnumerable<FacetRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new List<FacetResult>();
        foreach (var request in requests)
        {
            results.Add(Count(snapshot, matches, request));
        }

        return results;
    }

    /// <summary>Counts the values of <paramref name="request"/>'s field over <paramref name="matches"/>.</summary>
    public static FacetResult Count(IndexSnapshot snapshot, IReadOnlyList<BitArray> matches, FacetRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        MatchSets.Check(snapshot, matches, nameof(matches));
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var withValue = 0;
        for (var s = 0; s < snapshot.Segments.Count; s++)
        {
            withValue += CountSegment(snapshot.Segments[s], SetBits(matches[s]), request.Field, totals);
        }

        return Result(request, totals, withValue);
    }

    /// <summary>
    /// Adds the values of <paramref name="field"/> in <paramref name="docs"/> (documents of
    /// <paramref name="segment"/>) to <paramref name="totals"/>; returns how many of them have a value.
    /// </summary>
    internal static int CountSegment(SegmentReader segment, ReadOnlySpan<int> docs, string field, Dictionary<string, int> totals)
    {
        var number = segment.FieldNumber(field);
        if (number < 0)
        {
            return 0; // a segment written before the field existed has no values of it
        }

        var kind = segment.Info.Fields[number].Kind;
        if (kind is not (FieldKind.Keyword or FieldKind.Numeric))
        {
            throw new ArgumentException($"field '{field}' is {kind.ToString().ToLowerInvariant()}; facets count keyword and numeric fields", nameof(field));
        }

        if (docs.IsEmpty)
        {
            return 0;
        }

        return kind == FieldKind.Keyword ? CountKeywords(segment, docs, field, totals) : CountNumbers(segment, docs, field, totals);
    }

    /// <summary>The finished result of <paramref name="request"/> from its totals over every segment.</summary>
    internal static FacetResult Result(FacetRequest request, Dictionary<string, int> totals, int withValue) =>
        new(request.Field, Top(totals, request.TopN), totals.Count, withValue);

    private static int CountKeywords(SegmentReader segment, ReadOnlySpan<int> docs, string field, Dictionary<string, int> totals)
    {
        var column = segment.KeywordColumn(field);
        if (column is null)
        {
            return 0;
        }

        var counts = new int[column.ValueCount];
        var withValue = 0;
        foreach (var doc in docs)
        {
            var ordinals = column.OrdinalsOf(doc);
            if (ordinals.Length > 0)
            {
                withValue++;
            }

            foreach (var ordinal in ordinals)
            {
                counts[ordinal]++;
            }
        }

        // Segments number their values independently: merge by string, once per distinct value.
        for (var ordinal = 0; ordinal < counts.Length; ordinal++)
        {
            if (counts[ordinal] > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(totals, column.Values[ordinal], out _) += counts[ordinal];
            }
        }

        return withValue;
    }

    private static int CountNumbers(SegmentReader segment, ReadOnlySpan<int> docs, string field, Dictionary<string, int> totals)
    {
        var column = segment.NumericColumn(field);
        var counts = new Dictionary<long, int>();
        var withValue = 0;
        foreach (var doc in docs)
        {
            if (doc < column.Length && column[doc] != long.MinValue)
            {
                withValue++;
                CollectionsMarshal.GetValueRefOrAddDefault(counts, column[doc], out _)++;
            }
        }

        foreach (var (value, count) in counts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(totals, value.ToString(CultureInfo.InvariantCulture), out _) += count;
        }

        return withValue;
    }

    /// <summary>
    /// The documents of a match set, in order, a 32-bit word at a time: a sparse set (a rare
    /// word's few matches) costs its matches, not the segment's size, and a dense one a word per
    /// 32 documents.
    /// </summary>
    private static int[] SetBits(BitArray matches)
    {
        var words = new int[(matches.Length + 31) >> 5];
        matches.CopyTo(words, 0);
        var count = 0;
        foreach (var word in words)
        {
            count += BitOperations.PopCount((uint)word);
        }

        var docs = new int[count];
        var next = 0;
        for (var w = 0; w < words.Length; w++)
        {
            var word = (uint)words[w];
            while (word != 0)
            {
                docs[next++] = (w << 5) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }

        return docs;
    }

    private static List<FacetValue> Top(Dictionary<string, int> totals, int topN)
    {
        var values = new List<FacetValue>(totals.Count);
        foreach (var (value, count) in totals)
        {
            values.Add(new FacetValue(value, count));
        }

        values.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        if (values.Count > Math.Max(topN, 0))
        {
            values.RemoveRange(Math.Max(topN, 0), values.Count - Math.Max(topN, 0));
        }

        return values;
    }
}
