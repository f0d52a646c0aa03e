namespace SearchService.Core.Search.Parsing;

/// <summary>Query text that does not parse: what is wrong and at which char (0-based) of the text.</summary>
public sealed class QueryParseException : Exception
{
    /// <summary>Creates the exception; the message reads "<paramref name="problem"/> at <paramref name="position"/>".</summary>
    public QueryParseException(string problem, int position)
        : base($"{problem} at {position}")
    {
        Problem = problem;
        Position = position;
    }

    /// <summary>What is wrong ("unbalanced quote").</summary>
    public string Problem { get; }

    /// <summary>Where, as a 0-based char index into the query text.</summary>
    public int Position { get; }
}
