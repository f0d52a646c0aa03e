namespace SearchService.Core.Search.Parsing;

/// <summary>How the parser reads the value of a <c>field:value</c> clause.</summary>
internal enum FieldKindOfQuery
{
    /// <summary>Analyzed words or phrases (title, body, signer).</summary>
    Text,

    /// <summary>A whole value matched without case and accents (locality, province, level, type).</summary>
    Keyword,

    /// <summary>A document code, matched by its parts (code).</summary>
    Code,

    /// <summary>A day or a range of days (date).</summary>
    Date,

    /// <summary>A year or a range of years (year).</summary>
    Year,
}
