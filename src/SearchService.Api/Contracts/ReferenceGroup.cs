using SearchService.Core.Catalog;

namespace SearchService.Api.Contracts;

/// <summary>The documents citing one code as issued by one body (the same code from two provinces is two documents).</summary>
/// <param name="Issuer">The resolved issuing body, null when the citing documents do not settle it.</param>
/// <param name="Documents">The citing documents, newest first.</param>
public sealed record ReferenceGroup(string? Issuer, IReadOnlyList<CitingDocument> Documents);
