namespace SearchService.Core.Search;

/// <summary>The best hits of a query and how many documents matched.</summary>
/// <param name="TotalHits">Matching live documents counted; exact when <paramref name="TotalIsExact"/>, else a lower bound.</param>
/// <param name="TotalIsExact">False when top-k pruning skipped documents after the count passed the request's threshold.</param>
/// <param name="Hits">The hits in sort order.</param>
public sealed record TopHits(long TotalHits, bool TotalIsExact, IReadOnlyList<ScoreDoc> Hits);
