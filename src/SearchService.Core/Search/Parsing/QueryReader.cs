using System.Globalization;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// The recursive-descent reader of one query's tokens (grammar in <see cref="QueryParser"/>):
/// or := and ('OR' and)*; and := unary (['AND'] unary)*; unary := ('+' | '-' | 'NOT') unary | primary;
/// primary := '(' or ')' | field ':' primary | phrase | range | words.
/// </summary>
internal sealed class QueryReader
{
    private readonly QueryParserOptions _options;
    private readonly TextQueryBuilder _builder;
    private readonly FieldAliases _fields;
    private readonly List<QueryToken> _tokens;
    private int _next;

    public QueryReader(QueryParserOptions options, TextQueryBuilder builder, FieldAliases fields, List<QueryToken> tokens)
    {
        _options = options;
        _builder = builder;
        _fields = fields;
        _tokens = tokens;
    }

    private QueryToken Peek => _tokens[_next];

    private QueryParserOptions Options => _options;

    public Query ReadAll()
    {
        var query = ReadOr(Options.DefaultFields, null);
        if (Peek.Kind == QueryTokenKind.RightParen)
        {
            throw new QueryParseException("unbalanced parenthesis: ')' without '('", Peek.Position);
        }

        return query;
    }

    /// <summary>or := and ('OR' and)*</summary>
    private Query ReadOr(IReadOnlyList<KeyValuePair<string, float>> fields, (string Field, FieldKindOfQuery Kind)? field)
    {
        var alternatives = new List<Query> { ReadAnd(fields, field) };
        while (Peek.Kind == QueryTokenKind.Or)
        {
            var or = Peek;
            _next++;
            if (Peek.Kind is QueryTokenKind.End or QueryTokenKind.RightParen or QueryTokenKind.Or or QueryTokenKind.And)
            {
                throw new QueryParseException("missing operand after OR", or.Position);
            }

            alternatives.Add(ReadAnd(fields, field));
        }

        if (alternatives.Count == 1)
        {
            return alternatives[0];
        }

        var clauses = new List<BooleanClause>();
        foreach (var alternative in alternatives)
        {
            clauses.Add(new BooleanClause(alternative, Occur.Should));
        }

        return new BooleanQuery(clauses);
    }

    /// <summary>
    /// and := unary (['AND'] unary)* — side by side operands combine with the default operator:
    /// under AND each is required; under OR each plain operand is optional (prefixed ones keep
    /// their +/-), unless an explicit AND in the group makes them required.
    /// </summary>
    private Query ReadAnd(IReadOnlyList<KeyValuePair<string, float>> fields, (string Field, FieldKindOfQuery Kind)? field)
    {
        var clauses = new List<BooleanClause>();
        var plain = new List<bool>();
        var explicitAnd = false;
        while (true)
        {
            var token = Peek;
            if (token.Kind is QueryTokenKind.End or QueryTokenKind.RightParen or QueryTokenKind.Or)
            {
                if (clauses.Count == 0)
                {
                    throw new QueryParseException(token.Kind == QueryTokenKind.End ? "missing search terms" : $"missing operand before '{token.Text}'", token.Position);
                }

                break;
            }

            if (token.Kind == QueryTokenKind.And)
            {
                _next++;
                if (clauses.Count == 0 || Peek.Kind is QueryTokenKind.End or QueryTokenKind.RightParen or QueryTokenKind.Or or QueryTokenKind.And)
                {
                    throw new QueryParseException("missing operand " + (clauses.Count == 0 ? "before" : "after") + " AND", token.Position);
                }

                explicitAnd = true;
                continue;
            }

            plain.Add(token.Kind is not (QueryTokenKind.Plus or QueryTokenKind.Minus or QueryTokenKind.Not));
            clauses.Add(ReadUnary(fields, field));
        }

        if (Options.DefaultOperator == DefaultOperator.Or && !explicitAnd)
        {
            for (var i = 0; i < clauses.Count; i++)
            {
                if (plain[i] && clauses[i].Occur == Occur.Must)
                {
                    clauses[i] = clauses[i] with { Occur = Occur.Should };
                }
            }
        }

        if (clauses.Count == 1 && clauses[0].Occur is Occur.Must or Occur.Should)
        {
            return clauses[0].Query;
        }

        return new BooleanQuery(clauses);
    }

    /// <summary>unary := ('+' | '-' | '!' | 'NOT') unary | primary</summary>
    private BooleanClause ReadUnary(IReadOnlyList<KeyValuePair<string, float>> fields, (string Field, FieldKindOfQuery Kind)? field)
    {
        var token = Peek;
        switch (token.Kind)
        {
            case QueryTokenKind.Plus:
                _next++;
                return ReadUnary(fields, field) with { Occur = Occur.Must };
            case QueryTokenKind.Minus:
            case QueryTokenKind.Not:
                _next++;
                if (Peek.Kind is QueryTokenKind.End or QueryTokenKind.RightParen or QueryTokenKind.Or or QueryTokenKind.And)
                {
                    throw new QueryParseException($"missing operand after '{token.Text}'", token.Position);
                }

                return ReadUnary(fields, field) with { Occur = Occur.MustNot };
            default:
                return ReadPrimary(fields, field);
        }
    }

    private BooleanClause ReadPrimary(IReadOnlyList<KeyValuePair<string, float>> fields, (string Field, FieldKindOfQuery Kind)? field)
    {
        var token = Peek;
        switch (token.Kind)
        {
            case QueryTokenKind.LeftParen:
            {
                _next++;
                var inner = ReadOr(fields, field);
                if (Peek.Kind != QueryTokenKind.RightParen)
                {
                    throw new QueryParseException("unbalanced parenthesis: '(' is not closed", token.Position);
                }

                _next++;
                return new BooleanClause(inner, Occur.Must);
            }

            case QueryTokenKind.Field:
            {
                _next++;
                var target = _fields.Find(token.Text)!.Value;
                if (Peek.Kind is QueryTokenKind.Field)
                {
                    throw new QueryParseException($"a field value cannot be another field ('{Peek.Text}:')", Peek.Position);
                }

                return ReadPrimary(target.Kind == FieldKindOfQuery.Text ? [new(target.Field, 1f)] : fields, target);
            }

            case QueryTokenKind.Phrase:
                _next++;
                return Value(token, field, fields);
            case QueryTokenKind.Range:
                _next++;
                if (field is not { Kind: FieldKindOfQuery.Date or FieldKindOfQuery.Year } numeric)
                {
                    throw new QueryParseException("a range needs a date: or year: field before it", token.Position);
                }

                return new BooleanClause(Range(numeric, token), Occur.Filter);
            case QueryTokenKind.Word:
                return ReadWords(fields, field);
            default:
                throw new QueryParseException($"unexpected '{token.Text}'", token.Position);
        }
    }

    /// <summary>A run of plain words is analyzed as one text, so pairs and abbreviation phrases span the words.</summary>
    private BooleanClause ReadWords(IReadOnlyList<KeyValuePair<string, float>> fields, (string Field, FieldKindOfQuery Kind)? field)
    {
        var first = Peek;
        _next++;
        if (first.Prefix || first.FuzzyEdits >= 0 || first.Boost != 1f || field is { Kind: not FieldKindOfQuery.Text })
        {
            return Value(first, field, fields);
        }

        var words = new List<string> { first.Text };
        while (Peek is { Kind: QueryTokenKind.Word, Prefix: false, FuzzyEdits: < 0 } next && next.Boost == 1f)
        {
            words.Add(next.Text);
            _next++;
        }

        var query = _builder.Words(string.Join(' ', words), fields);
        return new BooleanClause(query ?? new BooleanQuery([]), Occur.Must);
    }

    /// <summary>The clause for one word or phrase, in a field or the default fields.</summary>
    private BooleanClause Value(QueryToken token, (string Field, FieldKindOfQuery Kind)? field, IReadOnlyList<KeyValuePair<string, float>> fields)
    {
        var kind = field?.Kind ?? FieldKindOfQuery.Text;
        switch (kind)
        {
            case FieldKindOfQuery.Keyword:
                return new BooleanClause(new KeywordQuery(field!.Value.Field, token.Text), Occur.Filter);
            case FieldKindOfQuery.Code:
                return new BooleanClause(new DocumentCodeQuery(field!.Value.Field, DocumentCodeQuery.SplitCode(token.Text)) { Boost = token.Boost }, Occur.Must);
            case FieldKindOfQuery.Date or FieldKindOfQuery.Year:
                return new BooleanClause(Range(field!.Value, token with { RangeLow = token.Text, RangeHigh = token.Text }), Occur.Filter);
        }

        Query? query;
        if (token.Kind == QueryTokenKind.Phrase)
        {
            query = _builder.Phrase(token.Text, token.Slop, fields);
        }
        else if (token.Prefix)
        {
            var prefix = TextQueryBuilder.Normalize(token.Text);
            query = PerField(fields, f => new PrefixQuery(f, prefix));
        }
        else if (token.FuzzyEdits >= 0)
        {
            var term = TextQueryBuilder.Normalize(token.Text);
            query = PerField(fields, f => new FuzzyQuery(f, term, token.FuzzyEdits));
        }
        else
        {
            query = _builder.Words(token.Text, fields);
        }

        query ??= new BooleanQuery([]);
        if (token.Boost != 1f)
        {
            query = new BooleanQuery([new BooleanClause(query, Occur.Must)]) { Boost = token.Boost };
        }

        return new BooleanClause(query, Occur.Must);
    }

    private static BooleanQuery PerField(IReadOnlyList<KeyValuePair<string, float>> fields, Func<string, Query> make)
    {
        var clauses = new List<BooleanClause>();
        foreach (var (field, boost) in fields)
        {
            var query = make(field);
            clauses.Add(new BooleanClause(new BooleanQuery([new BooleanClause(query, Occur.Must)]) { Boost = boost }, Occur.Should));
        }

        return new BooleanQuery(clauses);
    }

    private static NumericRangeQuery Range((string Field, FieldKindOfQuery Kind) field, QueryToken token)
    {
        var (lowFrom, _) = Bound(field, token.RangeLow!, token.Position);
        var (_, highTo) = Bound(field, token.RangeHigh!, token.Position);
        if (lowFrom is { } a && !token.IncludeLow)
        {
            lowFrom = a + 1;
        }

        if (highTo is { } b && !token.IncludeHigh)
        {
            highTo = b - 1;
        }

        if (lowFrom > highTo)
        {
            throw new QueryParseException($"the range starts after it ends ('{token.RangeLow}' > '{token.RangeHigh}')", token.Position);
        }

        return new NumericRangeQuery(field.Field, lowFrom, highTo);
    }

    /// <summary>A bound as the first and last value it stands for: 2023 is 1 January to 31 December for a date.</summary>
    private static (long? From, long? To) Bound((string Field, FieldKindOfQuery Kind) field, string text, int position)
    {
        if (text == "*")
        {
            return (null, null);
        }

        if (field.Kind == FieldKindOfQuery.Year)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 0 and < 10000
                ? (year, year)
                : throw new QueryParseException($"'{text}' is not a year", position);
        }

        string[] days = ["yyyy-MM-dd", "yyyy-M-d", "d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact(text, days, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day.DayNumber, day.DayNumber);
        }

        if (DateOnly.TryParseExact(text, ["yyyy-MM", "yyyy-M", "M/yyyy", "MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return (month.DayNumber, month.AddMonths(1).AddDays(-1).DayNumber);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) && whole is > 0 and < 10000)
        {
            return (new DateOnly(whole, 1, 1).DayNumber, new DateOnly(whole, 12, 31).DayNumber);
        }

        throw new QueryParseException($"'{text}' is not a date (write 2023-05-01, 01/05/2023, 2023-05 or 2023)", position);
    }
}
