namespace SearchService.Core.Search.Limits;

/// <summary>
/// Bounds on what one search may cost, each enforced with its own exception type so the API can
/// answer 400 with a precise message instead of running a query that would take the service down.
/// </summary>
public sealed record SearchLimits
{
    /// <summary>Longest query text accepted, in chars (<see cref="QueryTooLongException"/>).</summary>
    public int MaxQueryLength { get; init; } = 1000;

    /// <summary>Most leaf clauses a query may have once words, alternatives and expansions are counted, as Lucene's 1024 (<see cref="TooManyClausesException"/>).</summary>
    public int MaxClauses { get; init; } = 1024;

    /// <summary>Most terms one prefix may expand to (<see cref="TooManyExpansionsException"/>).</summary>
    public int MaxPrefixExpansions { get; init; } = 512;

    /// <summary>
    /// Most terms one fuzzy word expands to: the nearest (then commonest) are kept, as Lucene's
    /// FuzzyQuery does, since a short word's neighbourhood in a syllable vocabulary is large and
    /// failing would make short fuzzy words unusable.
    /// </summary>
    public int MaxFuzzyExpansions { get; init; } = 64;

    /// <summary>Deepest hit a page may reach (offset + size), as Elasticsearch's max_result_window; deeper pages go through a search-after cursor (<see cref="ResultWindowTooLargeException"/>).</summary>
    public int MaxResultWindow { get; init; } = 10_000;

    /// <summary>The limits used unless a caller sets its own.</summary>
    public static SearchLimits Default { get; } = new();
}
