using SearchService.Core.Catalog.Search;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// A page of search results as every client sees it: the HTTP API's answer and the CLI's
/// <c>search --json</c> are this one record, made by <see cref="From"/> and written with the
/// record JSON settings (<see cref="Documents.ConclusionDocumentJson"/>), so the two cannot drift.
/// </summary>
/// <param name="Total">Matching documents (a lower bound when <paramref name="TotalIsExact"/> is false).</param>
/// <param name="TotalIsExact">Whether the total is exact (large result sets are counted up to a threshold).</param>
/// <param name="Page">The page number (1 when read through a cursor).</param>
/// <param name="PageSize">Hits a page.</param>
/// <param name="TookMs">Server time for the answer, milliseconds.</param>
/// <param name="Hits">The hits.</param>
/// <param name="Facets">Per facet (locality, province, current_province, level, type, year, code) the most frequent values among all matches; a facet's own filter is not applied to its counts.</param>
/// <param name="Next">The cursor for the next page (pass as <c>after</c>), null on the last page.</param>
public sealed record SearchResponse(long Total, bool TotalIsExact, int Page, int PageSize, double TookMs, IReadOnlyList<SearchHitItem> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, string? Next)
{
    /// <summary>
    /// How the query's words matched: <c>allWords</c> (every word, or the query as written),
    /// <c>anyWordRanked</c> (a long text ranked over any of its words) or <c>anyWordFallback</c>
    /// (no document had every word of a short text; these have some).
    /// </summary>
    public string MatchStrategy { get; init; } = "allWords";

    /// <summary>The response for <paramref name="answer"/> to <paramref name="request"/>.</summary>
    public static SearchResponse From(SearchAnswer answer, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(request);
        var result = answer.Result;
        var hits = new List<SearchHitItem>(result.Hits.Count);
        for (var i = 0; i < result.Hits.Count; i++)
        {
            var hit = result.Hits[i];
            hits.Add(new SearchHitItem(hit.Id, hit.Title, hit.Type, hit.Locality, hit.Province, hit.Level, hit.Date, Math.Round(hit.Score, 4), answer.Snippets[i], hit.Explanation?.ToString())
            {
                CurrentProvince = hit.CurrentProvince,
            });
        }

        var facets = answer.Facets.ToDictionary(
            f => f.Field,
            f => (IReadOnlyList<FacetCount>)f.Values.Select(v => new FacetCount(v.Value, v.Count)).ToList(),
            StringComparer.Ordinal);
        return new SearchResponse(result.Total, result.TotalIsExact, request.Cursor is null ? request.Page : 1, request.Size, Math.Round(answer.TookMs, 2), hits, facets, result.NextCursor)
        {
            MatchStrategy = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(result.MatchStrategy.ToString()),
        };
    }
}
