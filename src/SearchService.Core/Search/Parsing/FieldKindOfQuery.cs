namespace SearchService.Core.Search.Parsing;

/// <summary>How the parser reads the value of a <c>field:value</c> clause.</summary>
public enum FieldKindOfQuery
{
    /// <summary>Analyzed words or phrases.</summary>
    Text,

    /// <summary>A whole value matched without case and accents.</summary>
    Keyword,

    /// <summary>A document code, matched by its parts.</summary>
    Code,

    /// <summary>A day or a range of days (a numeric field of day numbers).</summary>
    Date,

    /// <summary>A year or a range of years (a numeric field of years).</summary>
    Year,
}
