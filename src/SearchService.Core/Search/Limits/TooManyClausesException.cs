namespace SearchService.Core.Search.Limits;

/// <summary>The query has more leaf clauses than SearchLimits.MaxClauses after words, alternatives and expansions are counted.</summary>
public sealed class TooManyClausesException : SearchLimitException
{
    /// <summary>Creates the exception for <paramref name="actual"/> against <paramref name="limit"/>.</summary>
    public TooManyClausesException(int limit, int actual)
        : base($"the query expands to {actual} clauses; at most {limit} are allowed (use fewer words, prefixes or fuzzy terms)", limit, actual)
    {
    }
}
