using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// Reads what people type into a <see cref="Query"/>.
/// <list type="bullet">
/// <item>Plain words, accented or not, in either tone-mark style: every word must match (see
/// <see cref="QueryParserOptions.DefaultOperator"/>) in title or body; abbreviations and their
/// phrases find each other; document codes typed whole or as kind + number find the citing
/// documents first.</item>
/// <item><c>"a phrase"</c>, <c>"a phrase"~N</c> (up to N extra positions between the words, in
/// order). An exact phrase does not run across punctuation the query does not have
/// ("giải phóng, mặt bằng" is not "giải phóng mặt bằng"), as it is read through syllable pairs.</item>
/// <item><c>+must</c>, <c>-mustnot</c>, <c>AND</c>, <c>OR</c>, <c>NOT</c>, parentheses; AND binds
/// tighter than OR.</item>
/// <item><c>prefix*</c>, <c>fuzzy~</c> (2 edits), <c>fuzzy~1</c>; <c>word^2</c> boosts.</item>
/// <item><c>field:value</c>, <c>field:"phrase"</c>, <c>field:(…)</c> for title, body, signer
/// (text), locality, province, level, type (whole values, case and accents ignored), code;
/// <c>date:2023-05-01</c>, <c>date:[2023-01-01 TO 2023-12-31]</c>, <c>year:2023</c>,
/// <c>year:[2020 TO *]</c>. Keyword, date and year clauses filter without changing scores.</item>
/// </list>
/// Bad syntax throws <see cref="QueryParseException"/> with the problem and its position; in
/// lenient mode such text is searched as plain words instead.
/// </summary>
public sealed class QueryParser
{
    private readonly TextQueryBuilder _builder;

    /// <summary>A parser with <paramref name="options"/> (defaults when null).</summary>
    public QueryParser(QueryParserOptions? options = null)
    {
        Options = options ?? new QueryParserOptions();
        _builder = new TextQueryBuilder(Options);
    }

    /// <summary>The weights and limits in use.</summary>
    public QueryParserOptions Options { get; }

    /// <summary>
    /// Parses <paramref name="text"/>; empty text gives <see cref="MatchAllQuery"/>, text with no
    /// searchable word a query that matches nothing. With <paramref name="lenient"/>, text that does
    /// not parse is read as plain words.
    /// </summary>
    public Query Parse(string text, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Options.Limits.MaxQueryLength)
        {
            throw new QueryTooLongException(Options.Limits.MaxQueryLength, text.Length);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new MatchAllQuery();
        }

        Query query;
        try
        {
            query = new QueryReader(Options, _builder, QueryLexer.Lex(text)).ReadAll();
        }
        catch (QueryParseException) when (lenient)
        {
            query = _builder.Words(StripSyntax(text), Options.DefaultFields) ?? new BooleanQuery([]);
        }

        if (query.ClauseCount > Options.Limits.MaxClauses)
        {
            throw new TooManyClausesException(Options.Limits.MaxClauses, query.ClauseCount);
        }

        return query;
    }

    private static string StripSyntax(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '"' or '(' or ')' or '[' or ']' or '{' or '}' or ':' or '^' or '~' or '*' or '!' or '+')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
