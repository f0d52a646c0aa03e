namespace SearchService.Core.Search.Limits;

/// <summary>A prefix or fuzzy word matches more index terms than <see cref="SearchLimits"/> allows.</summary>
public sealed class TooManyExpansionsException : SearchLimitException
{
    /// <summary>Creates the exception for <paramref name="pattern"/> (as typed, e.g. "t*") matching at least <paramref name="actual"/> terms.</summary>
    public TooManyExpansionsException(string pattern, int limit, int actual)
        : base($"'{pattern}' matches more than {limit} terms ({actual} or more); type more letters", limit, actual)
    {
        Pattern = pattern;
    }

    /// <summary>The prefix or fuzzy word, as the query shows it.</summary>
    public string Pattern { get; }
}
