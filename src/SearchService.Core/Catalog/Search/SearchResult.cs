using SearchService.Core.Search;
using SearchService.Core.Search.Facets;

namespace SearchService.Core.Catalog.Search;

/// <summary>The answer to a <see cref="SearchRequest"/>.</summary>
/// <param name="Total">Matching documents: exact when <paramref name="TotalIsExact"/>, else at least this many.</param>
/// <param name="TotalIsExact">Whether <paramref name="Total"/> is exact.</param>
/// <param name="Hits">The page of hits.</param>
/// <param name="TookMs">Time spent searching, in milliseconds.</param>
/// <param name="NextCursor">An opaque token for the page after this one, or null when this page was not full.</param>
/// <param name="ParsedQuery">The query that ran, in parser syntax (for debugging).</param>
public sealed record SearchResult(
    long Total,
    bool TotalIsExact,
    IReadOnlyList<SearchHit> Hits,
    double TookMs,
    string? NextCursor,
    string ParsedQuery)
{
    /// <summary>How the request's words matched: all of them, any of a long text, or any after none had all.</summary>
    public MatchStrategy MatchStrategy { get; init; }

    /// <summary>The counts of the request's <see cref="SearchRequest.Facets"/>, over the matches of the query that ran (drill-sideways); empty when none were asked.</summary>
    public IReadOnlyList<FacetResult> Facets { get; init; } = [];

    /// <summary>True when no document had every word, so these are the documents with any of them.</summary>
    public bool RelaxedToAnyWord => MatchStrategy == MatchStrategy.AnyWordFallback;
}
