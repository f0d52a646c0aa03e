namespace SearchService.Core.Search.Limits;

/// <summary>A page reaches deeper than SearchLimits.MaxResultWindow; use the search-after cursor to go further.</summary>
public sealed class ResultWindowTooLargeException : SearchLimitException
{
    /// <summary>Creates the exception for <paramref name="actual"/> against <paramref name="limit"/>.</summary>
    public ResultWindowTooLargeException(int limit, int actual)
        : base($"page {actual} hits deep is beyond the result window of {limit}; use the next cursor to read further", limit, actual)
    {
    }
}
