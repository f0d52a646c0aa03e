namespace SearchService.Api.Contracts;

/// <summary>What happened to one line of a bulk request.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Id">The document id, when the line got that far.</param>
/// <param name="Status">added, updated, unchanged or failed.</param>
/// <param name="Error">Why the line failed.</param>
public sealed record BulkLineResult(int Line, string? Id, string Status, string? Error);
