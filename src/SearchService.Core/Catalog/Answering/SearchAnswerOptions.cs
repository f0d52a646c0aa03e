namespace SearchService.Core.Catalog.Answering;

/// <summary>What to compute around the hits.</summary>
public sealed record SearchAnswerOptions
{
    /// <summary>Compute facet counts (costs a pass over every match).</summary>
    public bool Facets { get; init; } = true;

    /// <summary>Values per facet.</summary>
    public int FacetSize { get; init; } = 10;

    /// <summary>Compute snippets (re-analyzes each hit's body).</summary>
    public bool Snippets { get; init; } = true;
}
