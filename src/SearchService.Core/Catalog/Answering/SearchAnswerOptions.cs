namespace SearchService.Core.Catalog.Answering;

/// <summary>What to compute around the hits.</summary>
public sealed record SearchAnswerOptions
{
    /// <summary>Compute facet counts (in the ranking pass, which then visits every match instead of skipping).</summary>
    public bool Facets { get; init; } = true;

    /// <summary>Values per facet.</summary>
    public int FacetSize { get; init; } = 10;

    /// <summary>Compute snippets (re-analyzes each hit's body).</summary>
    public bool Snippets { get; init; } = true;
}
