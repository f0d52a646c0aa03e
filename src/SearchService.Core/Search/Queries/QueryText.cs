namespace SearchService.Core.Search.Queries;

/// <summary>Writes values the way the parser reads them back, for <see cref="Query.ToString"/>.</summary>
internal static class QueryText
{
    public static string Quote(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c is '"' or ':' or '(' or ')' or '*' or '~' or '^' or '[' or ']')
            {
                return "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
            }
        }

        return value.Length == 0 ? "\"\"" : value;
    }
}
