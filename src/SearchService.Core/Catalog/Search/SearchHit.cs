using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Catalog.Search;

/// <summary>One hit of a <see cref="SearchResult"/>, with the stored fields a result list shows.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Score">Its relevance score.</param>
/// <param name="Title">Its title (empty when it has none).</param>
/// <param name="Locality">The issuing locality.</param>
/// <param name="Province">The province.</param>
/// <param name="Level">The committee level.</param>
/// <param name="Type">The document type.</param>
/// <param name="Date">The document date.</param>
/// <param name="Doc">Its number in the snapshot searched (valid only for that snapshot).</param>
/// <param name="Explanation">How the score was made, when the request asked.</param>
public sealed record SearchHit(
    string Id,
    float Score,
    string Title,
    string? Locality,
    string? Province,
    string? Level,
    string? Type,
    DateOnly? Date,
    int Doc,
    Explanation? Explanation)
{
    /// <summary>The province that holds the locality today, since the 2025 reorganisation (the same as <see cref="Province"/> for a document on today's map).</summary>
    public string? CurrentProvince { get; init; }
}
