namespace SearchService.Api.Contracts;

/// <summary>A page of search results.</summary>
/// <param name="Total">Matching documents (a lower bound when <paramref name="TotalIsExact"/> is false).</param>
/// <param name="TotalIsExact">Whether the total is exact (large result sets are counted up to a threshold).</param>
/// <param name="Page">The page number (1 when read through a cursor).</param>
/// <param name="PageSize">Hits a page.</param>
/// <param name="TookMs">Server time for the answer, milliseconds.</param>
/// <param name="Hits">The hits.</param>
/// <param name="Facets">Per facet (locality, province, current_province, level, type, year, code) the most frequent values among all matches; a facet's own filter is not applied to its counts.</param>
/// <param name="Next">The cursor for the next page (pass as <c>after</c>), null on the last page.</param>
public sealed record SearchResponse(long Total, bool TotalIsExact, int Page, int PageSize, double TookMs, IReadOnlyList<SearchHitItem> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets, string? Next);
