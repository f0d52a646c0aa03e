namespace SearchService.Api.Contracts;

/// <summary>Who cites a code.</summary>
/// <param name="Code">The code asked for.</param>
/// <param name="Total">Citing documents in all groups.</param>
/// <param name="Groups">One group per resolved issuer.</param>
public sealed record ReferencesResponse(string Code, int Total, IReadOnlyList<ReferenceGroup> Groups);
