using System.Collections;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Facets;

/// <summary>
/// Builds and combines match sets, the shape facets take: one <see cref="BitArray"/> per snapshot
/// segment (<c>Length</c> = the segment's MaxDoc, a set bit per matching live document). Filters on
/// facet fields are built here from the doc-values columns, so a caller can intersect them with a
/// query's matches and hand them to <see cref="DrillSideways"/>.
/// </summary>
public static class MatchSets
{
    /// <summary>Every live document of <paramref name="snapshot"/> (the match set of a query that matches all).</summary>
    public static IReadOnlyList<BitArray> AllLive(IndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sets = new BitArray[snapshot.Segments.Count];
        for (var s = 0; s < sets.Length; s++)
        {
            var segment = snapshot.Segments[s];
            var bits = new BitArray(segment.MaxDoc, true);
            if (segment.LiveDocs is not null)
            {
                for (var doc = 0; doc < segment.MaxDoc; doc++)
                {
                    bits[doc] = !segment.IsDeleted(doc);
                }
            }

            sets[s] = bits;
        }

        return sets;
    }

    /// <summary>Live documents with at least one of <paramref name="values"/> in keyword field <paramref name="field"/> (a facet filter: OR within the field).</summary>
    public static IReadOnlyList<BitArray> WithKeyword(IndexSnapshot snapshot, string field, IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(values);
        var sets = new BitArray[snapshot.Segments.Count];
        for (var s = 0; s < sets.Length; s++)
        {
            var segment = snapshot.Segments[s];
            var bits = new BitArray(segment.MaxDoc);
            sets[s] = bits;
            if (segment.KeywordColumn(field) is not { } column)
            {
                continue;
            }

            var wanted = new bool[column.ValueCount];
            var any = false;
            foreach (var value in values)
            {
                var ordinal = column.OrdinalOf(value);
                if (ordinal >= 0)
                {
                    wanted[ordinal] = true;
                    any = true;
                }
            }

            for (var doc = 0; any && doc < segment.MaxDoc; doc++)
            {
                if (segment.IsDeleted(doc))
                {
                    continue;
                }

                foreach (var ordinal in column.OrdinalsOf(doc))
                {
                    if (wanted[ordinal])
                    {
                        bits[doc] = true;
                        break;
                    }
                }
            }
        }

        return sets;
    }

    /// <summary>Live documents whose numeric <paramref name="field"/> lies in [<paramref name="min"/>, <paramref name="max"/>] (a year or date filter).</summary>
    public static IReadOnlyList<BitArray> WithNumberBetween(IndexSnapshot snapshot, string field, long min, long max)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sets = new BitArray[snapshot.Segments.Count];
        for (var s = 0; s < sets.Length; s++)
        {
            var segment = snapshot.Segments[s];
            var bits = new BitArray(segment.MaxDoc);
            var column = segment.NumericColumn(field);
            for (var doc = 0; doc < column.Length; doc++)
            {
                // long.MinValue marks "no value" and is below any sensible min, but say so explicitly.
                bits[doc] = column[doc] != long.MinValue && column[doc] >= min && column[doc] <= max && !segment.IsDeleted(doc);
            }

            sets[s] = bits;
        }

        return sets;
    }

    /// <summary>The documents in both <paramref name="left"/> and <paramref name="right"/>, as new bit arrays (the inputs are not changed).</summary>
    public static IReadOnlyList<BitArray> Intersect(IReadOnlyList<BitArray> left, IReadOnlyList<BitArray> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count != right.Count)
        {
            throw new ArgumentException($"match sets cover different segment counts ({left.Count} and {right.Count})", nameof(right));
        }

        var result = new BitArray[left.Count];
        for (var s = 0; s < result.Length; s++)
        {
            result[s] = new BitArray(left[s]).And(right[s]);
        }

        return result;
    }

    /// <summary>Number of set bits over all segments.</summary>
    public static int Cardinality(IReadOnlyList<BitArray> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var count = 0;
        foreach (var bits in matches)
        {
            var words = new int[(bits.Length + 31) / 32];
            bits.CopyTo(words, 0);
            foreach (var word in words)
            {
                count += System.Numerics.BitOperations.PopCount((uint)word);
            }
        }

        return count;
    }

    /// <summary>Throws unless <paramref name="matches"/> has one bit array of the right length per segment of <paramref name="snapshot"/>.</summary>
    internal static void Check(IndexSnapshot snapshot, IReadOnlyList<BitArray> matches, string parameter)
    {
        ArgumentNullException.ThrowIfNull(matches, parameter);
        if (matches.Count != snapshot.Segments.Count)
        {
            throw new ArgumentException($"expected one match set per segment ({snapshot.Segments.Count}), got {matches.Count}", parameter);
        }

        for (var s = 0; s < matches.Count; s++)
        {
            if (matches[s].Length != snapshot.Segments[s].MaxDoc)
            {
                throw new ArgumentException($"match set {s} has length {matches[s].Length}, segment {snapshot.Segments[s].Info.Name} has MaxDoc {snapshot.Segments[s].MaxDoc}", parameter);
            }
        }
    }
}
