using SearchService.Core.Search.Facets;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search;

/// <summary>The engine's answer to a <see cref="PageRequest"/>: the page's hits as documents, scores and sort values.</summary>
/// <param name="Total">Matching documents: exact when <paramref name="TotalIsExact"/>, else at least this many.</param>
/// <param name="TotalIsExact">Whether <paramref name="Total"/> is exact.</param>
/// <param name="Hits">The page of hits, in order; read their fields with <see cref="IndexSearcher.Document(int)"/> or the snapshot's columns.</param>
/// <param name="Explanations">One per hit when the request asked, else null.</param>
/// <param name="NextCursor">An opaque token for the page after this one, or null when this page was not full.</param>
/// <param name="ParsedQuery">The query that ran, in parser syntax.</param>
/// <param name="MatchStrategy">How the text's words matched.</param>
public sealed record ResultPage(
    long Total,
    bool TotalIsExact,
    IReadOnlyList<ScoreDoc> Hits,
    IReadOnlyList<Explanation>? Explanations,
    string? NextCursor,
    string ParsedQuery,
    MatchStrategy MatchStrategy)
{
    /// <summary>The counts of the request's <see cref="PageRequest.Facets"/> over the matches of the query that ran, drill-sideways; empty when none were asked.</summary>
    public IReadOnlyList<FacetResult> Facets { get; init; } = [];
}
