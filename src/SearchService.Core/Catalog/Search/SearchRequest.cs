using SearchService.Core.Search.Facets;

namespace SearchService.Core.Catalog.Search;

/// <summary>
/// One search as the HTTP API and the CLI ask for it: the query text (see
/// <see cref="Core.Search.Parsing.QueryParser"/> for its syntax), filters that restrict without changing
/// scores, the order, and a page or a cursor.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>The query text; empty matches every document (useful with filters and date sort).</summary>
    public string Query { get; init; } = "";

    /// <summary>Only documents of this locality (case and accents ignored: "tu son" = "Từ Sơn").</summary>
    public string? Locality { get; init; }

    /// <summary>Only documents of this province (as it was on each document's date; see <see cref="History"/>).</summary>
    public string? Province { get; init; }

    /// <summary>
    /// With <see cref="Province"/>: also the documents of the areas that province holds today, from
    /// before the 2025 reorganisation ("Gia Lai" with history takes in the former Bình Định's Quy
    /// Nhơn). Without it a province filter matches the province named on the document only.
    /// </summary>
    public bool History { get; init; }

    /// <summary>Only documents of this type ("conclusion", "notice" …).</summary>
    public string? Type { get; init; }

    /// <summary>Only documents of this committee level ("district", "town" …).</summary>
    public string? Level { get; init; }

    /// <summary>
    /// When every word is required (the parser's default) and no document has them all, search
    /// again with any of the words; the result says so (<see cref="SearchResult.RelaxedToAnyWord"/>).
    /// </summary>
    public bool RelaxToAnyWord { get; init; } = true;

    /// <summary>
    /// Read each hit's stored fields (its title). False reads only the columns (id, locality,
    /// province, level, type, date) and leaves the title empty: callers that need ids only, such as
    /// the benchmark's top-10, skip decompressing a stored-fields chunk a hit.
    /// </summary>
    public bool ReadStoredFields { get; init; } = true;

    /// <summary>Only documents citing this code ("18-NQ/TU"; case and accents ignored).</summary>
    public string? Code { get; init; }

    /// <summary>Only documents dated on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only documents dated on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only documents of this year.</summary>
    public int? Year { get; init; }

    /// <summary>The order of hits.</summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>The page, from 1 (ignored when <see cref="Cursor"/> is set).</summary>
    public int Page { get; init; } = 1;

    /// <summary>Hits a page.</summary>
    public int Size { get; init; } = 10;

    /// <summary>The <see cref="SearchResult.NextCursor"/> of the previous page, to read on past the result window.</summary>
    public string? Cursor { get; init; }

    /// <summary>Attach an explanation of its score to every hit.</summary>
    public bool Explain { get; init; }

    /// <summary>Read text that does not parse as plain words instead of failing.</summary>
    public bool Lenient { get; init; }

    /// <summary>
    /// Facets to count over every match in the pass that ranks the hits (<see cref="SearchResult.Facets"/>),
    /// each filtered field drill-sideways; empty counts none (and lets the search skip documents).
    /// </summary>
    public IReadOnlyList<FacetRequest> Facets { get; init; } = [];

    /// <summary>Count matches exactly up to this many; past it, relevance search may skip documents that cannot enter the page and the total is a lower bound.</summary>
    public int TotalHitsThreshold { get; init; } = 1000;
}
