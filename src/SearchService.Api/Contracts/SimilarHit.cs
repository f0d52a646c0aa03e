namespace SearchService.Api.Contracts;

/// <summary>A document similar to another one.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Locality">Its locality.</param>
/// <param name="Province">Its province.</param>
/// <param name="Date">Its date.</param>
/// <param name="Score">How similar (a sum of weighted term matches; comparable within one list only).</param>
public sealed record SimilarHit(string Id, string? Title, string? Locality, string? Province, DateOnly? Date, double Score);
