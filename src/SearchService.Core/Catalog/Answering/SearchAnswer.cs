using SearchService.Core.Catalog.Search;
using SearchService.Core.Search.Facets;

namespace SearchService.Core.Catalog.Answering;

/// <summary>Everything a result page shows for one search: the ranked page, its snippets and the facet counts.</summary>
/// <param name="Result">The page of hits, total and cursor.</param>
/// <param name="Snippets">Per hit (same order), 1–3 HTML fragments of the body with <c>&lt;mark&gt;</c> around matches.</param>
/// <param name="Facets">Counts per facet field over all matches, each without its own filter (drill-sideways).</param>
/// <param name="TookMs">Time for the whole answer, search, facets and snippets included.</param>
public sealed record SearchAnswer(SearchResult Result, IReadOnlyList<IReadOnlyList<string>> Snippets, IReadOnlyList<FacetResult> Facets, double TookMs);
