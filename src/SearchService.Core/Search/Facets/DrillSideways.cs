using System.Collections;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Facets;

/// <summary>
/// Facet counts for a faceted search where the user has already picked values of some facets
/// ("locality = Từ Sơn"): the picked facet's own counts must ignore its own filter, or every other
/// locality would show 0 and the user could not widen the choice; every other facet counts with
/// all filters applied.
/// </summary>
/// <remarks>
/// A search counts its facets this way in its ranking pass when its <see cref="PageRequest.Facets"/>
/// are set (<see cref="DrillSidewaysCollector"/>, the same counts without a second walk of the
/// matches); this form is for a caller that already holds match sets. How a caller does it:
/// <list type="number">
/// <item>Run the query WITHOUT any facet filter and collect its matches per segment (the same
/// shape as <see cref="FacetCounter"/>'s input): <c>queryMatches</c>.</item>
/// <item>Build one match set per filtered facet field from the values the user picked, e.g.
/// <c>MatchSets.WithKeyword(snapshot, "locality", ["Từ Sơn", "Tân Yên"])</c> (values within a field
/// are OR-ed) or <c>MatchSets.WithNumberBetween(snapshot, "year", 2023, 2023)</c>, keyed by field.</item>
/// <item>Call <see cref="Count"/>: it returns the hits (query AND every filter; rank these) and,
/// for each requested facet, counts over query AND every filter except that field's own.</item>
/// </list>
/// Filters on fields that are not faceted (a date range, say) belong in the query of step 1.
/// </remarks>
public static class DrillSideways
{
    /// <summary>
    /// Applies <paramref name="filters"/> (field → documents passing that field's filter) to
    /// <paramref name="queryMatches"/> and counts <paramref name="requests"/> drill-sideways.
    /// </summary>
    public static DrillSidewaysResult Count(
        IndexSnapshot snapshot,
        IReadOnlyList<BitArray> queryMatches,
        IReadOnlyDictionary<string, IReadOnlyList<BitArray>> filters,
        IEnumerable<FacetRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(requests);
        MatchSets.Check(snapshot, queryMatches, nameof(queryMatches));
        foreach (var (field, set) in filters)
        {
            MatchSets.Check(snapshot, set, $"{nameof(filters)}[{field}]");
        }

        var hits = Apply(queryMatches, filters, except: null);
        var facets = new List<FacetResult>();
        foreach (var request in requests)
        {
            var matches = filters.ContainsKey(request.Field) ? Apply(queryMatches, filters, except: request.Field) : hits;
            facets.Add(FacetCounter.Count(snapshot, matches, request));
        }

        return new DrillSidewaysResult(hits, facets);
    }

    private static IReadOnlyList<BitArray> Apply(IReadOnlyList<BitArray> queryMatches, IReadOnlyDictionary<string, IReadOnlyList<BitArray>> filters, string? except)
    {
        var result = new BitArray[queryMatches.Count];
        for (var s = 0; s < result.Length; s++)
        {
            result[s] = new BitArray(queryMatches[s]);
        }

        foreach (var (field, set) in filters)
        {
            if (field == except)
            {
                continue;
            }

            for (var s = 0; s < result.Length; s++)
            {
                result[s].And(set[s]);
            }
        }

        return result;
    }
}
