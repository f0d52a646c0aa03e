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
            var segment = snapshot.Segments[s];
            var field = segment.FieldNumber(request.Field);
            if (field < 0)
            {
                continue; // a segment written before the field existed has no values of it
            }

            withValue += segment.Info.Fields[field].Kind switch
            {
                FieldKind.Keyword => CountKeywords(segment, matches[s], request.Field, totals),
                FieldKind.Numeric => CountNumbers(segment, matches[s], request.Field, totals),
                _ => throw new ArgumentException($"field '{request.Field}' is {segment.Info.Fields[field].Kind.ToString().ToLowerInvariant()}; facets count keyword and numeric fields", nameof(request)),
            };
        }

        return new FacetResult(request.Field, Top(totals, request.TopN), totals.Count, withValue);
    }

    private static int CountKeywords(SegmentReader segment, BitArray matches, string field, Dictionary<string, int> totals)
    {
        var column = segment.KeywordColumn(field);
        if (column is null)
        {
            return 0;
        }

        var counts = new int[column.ValueCount];
        var withValue = 0;
        foreach (var doc in SetBits(matches))
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

    private static int CountNumbers(SegmentReader segment, BitArray matches, string field, Dictionary<string, int> totals)
    {
        var column = segment.NumericColumn(field);
        var counts = new Dictionary<long, int>();
        var withValue = 0;
        foreach (var doc in SetBits(matches))
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
    /// The documents of a match set, a 32-bit word at a time: a sparse set (a rare word's few
    /// matches) costs its matches, not the segment's size, and a dense one a word per 32 documents.
    /// </summary>
    private static IEnumerable<int> SetBits(BitArray matches)
    {
        var words = new int[(matches.Length + 31) >> 5];
        matches.CopyTo(words, 0);
        for (var w = 0; w < words.Length; w++)
        {
            var word = (uint)words[w];
            while (word != 0)
            {
                yield return (w << 5) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
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
