namespace SearchService.Core.Catalog;

/// <summary>A cited document (a code and, when resolved, its issuing body) with how many indexed documents cite it.</summary>
/// <param name="Code">The code as written.</param>
/// <param name="Kind">Its kind, as the record's JSON writes it ("directive").</param>
/// <param name="IssuerBody">Its issuing body when resolved.</param>
/// <param name="Documents">Live documents citing it.</param>
public sealed record CitedDocumentCount(string Code, string Kind, string? IssuerBody, int Documents);
