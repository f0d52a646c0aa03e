using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// Reads what people type into a <see cref="Query"/>.
/// <list type="bullet">
/// <item>Plain words, accented or not, in either tone-mark style: every word must match (see
/// <see cref="QueryParserOptions.DefaultOperator"/>) in the default fields; abbreviations and their
/// phrases find each other; document codes typed whole or as kind + number find the citing
/// documents first.</item>
/// <item><c>"a phrase"</c>, <c>"a phrase"~N</c> (up to N extra positions between the words, in
/// order), read on the words' positions as Lucene reads them: punctuation takes no position, so
/// "khieu nai to cao" finds "khiếu nại, tố cáo" and a comma typed in a phrase changes nothing.</item>
/// <item><c>+must</c>, <c>-mustnot</c>, <c>AND</c>, <c>OR</c>, <c>NOT</c>, parentheses; AND binds
/// tighter than OR.</item>
/// <item><c>prefix*</c>, <c>fuzzy~</c> (2 edits), <c>fuzzy~1</c>; <c>word^2</c> boosts.</item>
/// <item><c>field:value</c>, <c>field:"phrase"</c>, <c>field:(…)</c> for the fields of
/// <see cref="QueryParserOptions.Fields"/> by their names or aliases: text fields (words),
/// keyword fields (whole values, case and accents ignored), a code field, day fields
/// (<c>date:2023-05-01</c>, <c>date:[2023-01-01 TO 2023-12-31]</c>) and year fields
/// (<c>year:2023</c>, <c>year:[2020 TO *]</c>). Keyword, day and year clauses filter without changing scores.</item>
/// </list>
/// Bad syntax throws <see cref="QueryParseException"/> with the problem and its position; in
/// lenient mode such text is searched as plain words instead.
/// </summary>
public sealed class QueryParser
{
    private readonly TextQueryBuilder _builder;
    private readonly FieldAliases _fields;

    /// <summary>A parser with <paramref name="options"/>, which name the fields it searches.</summary>
    public QueryParser(QueryParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _builder = new TextQueryBuilder(Options);
        _fields = new FieldAliases(Options.Fields);
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
            query = new QueryReader(Options, _builder, _fields, QueryLexer.Lex(text, _fields)).ReadAll();
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

    /// <summary>
    /// How many content words of <paramref name="text"/> the default operator joins: the loose
    /// words outside fields, prefixes and fuzzy marks, without stop words or a question's frame
    /// (see <see cref="TextQueryBuilder.ContentWords"/>). Text with operators (AND, OR, NOT, +, -)
    /// says itself how its words combine, and counts 0.
    /// </summary>
    public int ContentWords(string text, bool lenient = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text) || text.Length > Options.Limits.MaxQueryLength)
        {
            return 0;
        }

        List<QueryToken> tokens;
        try
        {
            tokens = QueryLexer.Lex(text, _fields);
        }
        catch (QueryParseException) when (lenient)
        {
            return _builder.ContentWords(StripSyntax(text));
        }

        var count = 0;
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 0)
            {
                count += _builder.ContentWords(string.Join(' ', run));
                run.Clear();
            }
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is QueryTokenKind.And or QueryTokenKind.Or or QueryTokenKind.Not or QueryTokenKind.Plus or QueryTokenKind.Minus)
            {
                return 0;
            }

            var plain = token is { Kind: QueryTokenKind.Word, Prefix: false, FuzzyEdits: < 0 } && token.Boost == 1f
                && (i == 0 || tokens[i - 1].Kind != QueryTokenKind.Field);
            if (plain)
            {
                run.Add(token.Text);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return count;
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
