namespace SearchService.Core.Catalog.Answering;

/// <summary>One facet value with the number of matching documents that have it.</summary>
/// <param name="Value">The value ("Từ Sơn", "2023", "18-NQ/TU").</param>
/// <param name="Count">Matching documents with it.</param>
public sealed record FacetCount(string Value, int Count);
