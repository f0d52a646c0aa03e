namespace SearchService.Core.Catalog.Answering;

/// <summary>What <see cref="SearchWarmUp.Run"/> did.</summary>
/// <param name="Queries">Distinct searches made from the index's documents.</param>
/// <param name="Passes">Passes over them.</param>
/// <param name="Searches">Searches answered, over all passes.</param>
/// <param name="Matched">Of those, the ones that found a document.</param>
/// <param name="Failed">Searches that threw (counted, never thrown on).</param>
/// <param name="Elapsed">Time taken.</param>
public sealed record SearchWarmUpReport(int Queries, int Passes, int Searches, int Matched, int Failed, TimeSpan Elapsed);
