namespace SearchService.Core.Search.Similar;

/// <summary>A document found like another.</summary>
/// <param name="Doc">Its snapshot-wide doc number.</param>
/// <param name="Id">Its id.</param>
/// <param name="Score">The sum over the shared terms of weight × saturated term frequency.</param>
public sealed record SimilarDocument(int Doc, string Id, double Score);
