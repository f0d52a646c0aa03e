using System.Collections;

namespace SearchService.Core.Search.Facets;

/// <summary>What <see cref="DrillSideways.Count"/> gives back.</summary>
/// <param name="Hits">The query's matches with every facet filter applied: the documents to rank and show.</param>
/// <param name="Facets">One result per request, each counted with the other fields' filters but not its own.</param>
public sealed record DrillSidewaysResult(IReadOnlyList<BitArray> Hits, IReadOnlyList<FacetResult> Facets);
