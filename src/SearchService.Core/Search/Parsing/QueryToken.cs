namespace SearchService.Core.Search.Parsing;

/// <summary>
/// A lexed piece of query text. Words carry their pattern marks (a trailing '*' for a prefix,
/// '~' or '~N' for fuzzy), phrases their slop, ranges their ends and brackets, any value a boost.
/// </summary>
internal sealed record QueryToken(QueryTokenKind Kind, string Text, int Position)
{
    public bool Prefix { get; init; }

    public int FuzzyEdits { get; init; } = -1;

    public int Slop { get; init; }

    public float Boost { get; init; } = 1f;

    public string? RangeLow { get; init; }

    public string? RangeHigh { get; init; }

    public bool IncludeLow { get; init; } = true;

    public bool IncludeHigh { get; init; } = true;
}
