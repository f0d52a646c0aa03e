namespace SearchService.Core.Search.Limits;

/// <summary>The query text is longer than SearchLimits.MaxQueryLength.</summary>
public sealed class QueryTooLongException : SearchLimitException
{
    /// <summary>Creates the exception for <paramref name="actual"/> against <paramref name="limit"/>.</summary>
    public QueryTooLongException(int limit, int actual)
        : base($"the query is {actual} characters long; at most {limit} are allowed", limit, actual)
    {
    }
}
