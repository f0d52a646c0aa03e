namespace SearchService.Core.Search.Facets;

/// <summary>Which field to count and how many of its values to return.</summary>
/// <param name="Field">A keyword field (locality, province, level, type, code) or a numeric one (year).</param>
/// <param name="TopN">The most values to return, by count; the counting itself always covers every value.</param>
public sealed record FacetRequest(string Field, int TopN = 10);
