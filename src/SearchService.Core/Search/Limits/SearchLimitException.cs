namespace SearchService.Core.Search.Limits;

/// <summary>A search that would exceed one of the <see cref="SearchLimits"/>; the message says which limit and by how much.</summary>
public abstract class SearchLimitException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected SearchLimitException(string message, int limit, int actual)
        : base(message)
    {
        Limit = limit;
        Actual = actual;
    }

    /// <summary>The limit that was exceeded.</summary>
    public int Limit { get; }

    /// <summary>What the search asked for.</summary>
    public int Actual { get; }
}
