namespace SearchService.Core.Catalog;

/// <summary>A document that cites a given code, with the sentence that does.</summary>
/// <param name="Id">The citing document's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Date">Its date.</param>
/// <param name="Locality">Its locality.</param>
/// <param name="Province">Its province.</param>
/// <param name="IssuerBody">Who issued the cited code, as resolved in this document (null when unresolved).</param>
/// <param name="Sentence">The first sentence of the body that names the code.</param>
public sealed record CitingDocument(string Id, string? Title, DateOnly? Date, string? Locality, string? Province, string? IssuerBody, string? Sentence);
