using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Facets;

/// <summary>
/// A filter on a faceted field (a locality the user picked): every hit must match it, and the
/// facet of <see cref="Field"/> is counted drill-sideways, with this filter left out, so the other
/// values stay visible to switch to. Several filters of one field form one dimension (all must match).
/// </summary>
/// <param name="Field">The facet this filter belongs to: the one counted without it.</param>
/// <param name="Filter">The non-scoring query a hit must match.</param>
public sealed record FacetFilter(string Field, Query Filter);
