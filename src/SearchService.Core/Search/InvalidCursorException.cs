namespace SearchService.Core.Search;

/// <summary>A search-after cursor that is malformed or belongs to a different query, filter set or sort.</summary>
public sealed class InvalidCursorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidCursorException(string message)
        : base(message)
    {
    }
}
