using SearchService.Core.Search.Facets;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search;

/// <summary>
/// One page of a search as the engine runs it: the query text (parsed with the searcher's
/// <see cref="Parsing.QueryParserOptions"/>), filter queries that restrict without scoring, the
/// order (relevance, or a numeric field descending), and a page or a cursor. A caller with a schema
/// (the catalog) builds it from its own request.
/// </summary>
public sealed record PageRequest
{
    /// <summary>The query text; empty matches every document.</summary>
    public string Text { get; init; } = "";

    /// <summary>Read text that does not parse as plain words instead of failing.</summary>
    public bool Lenient { get; init; }

    /// <summary>
    /// When every word is required and no document has them all, search again with any of the
    /// words; <see cref="ResultPage.MatchStrategy"/> says so.
    /// </summary>
    public bool RelaxToAnyWord { get; init; } = true;

    /// <summary>Non-scoring clauses every hit must match, in this order.</summary>
    public IReadOnlyList<Query> Filters { get; init; } = [];

    /// <summary>
    /// Non-scoring clauses on faceted fields, after <see cref="Filters"/>: every hit must match
    /// them too, and each field's facet is counted without its own (drill-sideways).
    /// </summary>
    public IReadOnlyList<FacetFilter> FacetFilters { get; init; } = [];

    /// <summary>
    /// Facets to count over every match, in the pass that ranks the page (<see cref="ResultPage.Facets"/>);
    /// empty counts none. Counting visits every match, so the search cannot skip documents and
    /// its total is exact.
    /// </summary>
    public IReadOnlyList<FacetRequest> Facets { get; init; } = [];

    /// <summary>A numeric field to order by, highest first (documents without a value last); null = by relevance.</summary>
    public string? SortField { get; init; }

    /// <summary>The page, from 1 (ignored when <see cref="Cursor"/> is set).</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits a page.</summary>
    public int Size { get; init; } = 10;

    /// <summary>The <see cref="ResultPage.NextCursor"/> of the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Attach an explanation of its score to every hit.</summary>
    public bool Explain { get; init; }

    /// <summary>Count matches exactly up to this many; past it, relevance search may skip documents that cannot enter the page.</summary>
    public int TotalHitsThreshold { get; init; } = 1000;
}
