namespace SearchService.Core.Search.Facets;

/// <summary>The counts of one facet field over a match set.</summary>
/// <param name="Field">The field counted.</param>
/// <param name="Values">The top values, by count descending then value ordinally.</param>
/// <param name="DistinctValueCount">How many values had a count above zero (before the top-N cut).</param>
/// <param name="DocumentsWithValue">Matching documents with at least one value of the field.</param>
public sealed record FacetResult(string Field, IReadOnlyList<FacetValue> Values, int DistinctValueCount, int DocumentsWithValue);
