namespace SearchService.Api.Contracts;

/// <summary>What the index holds.</summary>
/// <param name="Documents">Live documents.</param>
/// <param name="Deleted">Deleted documents not yet merged away.</param>
/// <param name="Segments">Segments.</param>
/// <param name="Bytes">Bytes on disk per file kind, and "total".</param>
/// <param name="Terms">Distinct terms per field (summed over segments).</param>
/// <param name="Generation">The commit shown.</param>
public sealed record StatsResponse(int Documents, int Deleted, int Segments, IReadOnlyDictionary<string, long> Bytes, IReadOnlyDictionary<string, long> Terms, long Generation);
