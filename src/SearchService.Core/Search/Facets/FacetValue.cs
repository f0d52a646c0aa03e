namespace SearchService.Core.Search.Facets;

/// <summary>One value of a facet and the number of matching documents that have it.</summary>
/// <param name="Value">The keyword as indexed ("Từ Sơn"), or the number in invariant digits ("2024").</param>
/// <param name="Count">Matching live documents with this value (a document with two codes counts once for each).</param>
public sealed record FacetValue(string Value, int Count);
