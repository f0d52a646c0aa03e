namespace SearchService.Core.Catalog.Answering;

/// <summary>One hit of a search page.</summary>
/// <param name="Id">The document id (GET /api/documents/{id} has the rest).</param>
/// <param name="Title">Its title.</param>
/// <param name="Type">Its type ("conclusion", "notice" …).</param>
/// <param name="Locality">The issuing locality.</param>
/// <param name="Province">The province on the document's date.</param>
/// <param name="Level">The committee's level.</param>
/// <param name="Date">The document date.</param>
/// <param name="Score">Its relevance score (comparable within one result list).</param>
/// <param name="Snippets">1–3 fragments of the body, HTML-escaped, with &lt;mark&gt; around the matches.</param>
/// <param name="Explanation">How the score was made, when asked with explain=true.</param>
public sealed record SearchHitItem(string Id, string Title, string? Type, string? Locality, string? Province, string? Level, DateOnly? Date, double Score, IReadOnlyList<string> Snippets, string? Explanation)
{
    /// <summary>The province that holds the locality today, since the 2025 reorganisation (differs from <see cref="Province"/> for a former province's documents).</summary>
    public string? CurrentProvince { get; init; }
}
