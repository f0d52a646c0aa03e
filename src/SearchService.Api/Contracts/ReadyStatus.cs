namespace SearchService.Api.Contracts;

/// <summary>Readiness with what is being served.</summary>
/// <param name="Status">Always "ready" when returned.</param>
/// <param name="Documents">Live documents.</param>
/// <param name="Generation">The commit served.</param>
public sealed record ReadyStatus(string Status, int Documents, long Generation);
