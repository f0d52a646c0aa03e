namespace SearchService.Api.Contracts;

/// <summary>
/// A search as <c>POST /api/search</c> takes it in its JSON body: the same fields as the query
/// string of <c>GET /api/search</c>, for queries too long to fit in a URL.
/// </summary>
/// <param name="Q">The query text (words with or without accents, "phrases", +must -not, AND OR NOT, prefix*, fuzzy~, field:value).</param>
/// <param name="Locality">Only documents of this locality (accents and case do not matter).</param>
/// <param name="Province">Only documents of this province.</param>
/// <param name="Level">Only this committee level (province, district, …).</param>
/// <param name="Type">Only this document type (conclusion, notice, …).</param>
/// <param name="Code">Only documents citing this code (e.g. 18-NQ/TU).</param>
/// <param name="From">Only documents dated on or after this day, yyyy-MM-dd.</param>
/// <param name="To">Only documents dated on or before this day, yyyy-MM-dd.</param>
/// <param name="Sort">relevance (default) or date.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Hits a page (default 10).</param>
/// <param name="After">The cursor of the previous page (its <c>next</c>), for deep paging.</param>
/// <param name="Explain">Include how each score was computed.</param>
/// <param name="Strict">Refuse query syntax errors instead of reading the text leniently.</param>
/// <param name="History">With Province: also the older documents of the areas that province holds today.</param>
public sealed record SearchQuery(
    string? Q = null,
    string? Locality = null,
    string? Province = null,
    string? Level = null,
    string? Type = null,
    string? Code = null,
    string? From = null,
    string? To = null,
    string? Sort = null,
    int? Page = null,
    int? PageSize = null,
    string? After = null,
    bool? Explain = null,
    bool? Strict = null,
    bool? History = null);
