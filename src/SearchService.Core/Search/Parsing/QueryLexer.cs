using System.Globalization;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// Splits query text into <see cref="QueryToken"/>s. Words keep '-', '/', '.', ',' inside them
/// (document codes "18-NQ/TU", dates "2023-01-01", numbers "11.225,4"); '-' and '+' are
/// operators only at the start of a word; AND, OR, NOT (and &amp;&amp;, ||, !) only in capitals;
/// "name:" is a field when name is a known field or alias.
/// </summary>
internal static class QueryLexer
{
    public static List<QueryToken> Lex(string text, FieldAliases fields)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new QueryToken(QueryTokenKind.End, "", text.Length));
                return tokens;
            }

            var c = text[i];
            var start = i;
            switch (c)
            {
                case '(':
                    tokens.Add(new QueryToken(QueryTokenKind.LeftParen, "(", i++));
                    continue;
                case ')':
                    tokens.Add(new QueryToken(QueryTokenKind.RightParen, ")", i++));
                    continue;
                case '+' when StartsOperand(text, i + 1):
                    tokens.Add(new QueryToken(QueryTokenKind.Plus, "+", i++));
                    continue;
                case '-' when StartsOperand(text, i + 1):
                    tokens.Add(new QueryToken(QueryTokenKind.Minus, "-", i++));
                    continue;
                case '!' when StartsOperand(text, i + 1):
                    tokens.Add(new QueryToken(QueryTokenKind.Not, "!", i++));
                    continue;
                case '"':
                    tokens.Add(ReadPhrase(text, ref i));
                    continue;
                case '[' or '{':
                    tokens.Add(ReadRange(text, ref i));
                    continue;
                case ']' or '}':
                    throw new QueryParseException($"unexpected '{c}'", i);
                case '^' or '~' or '*' or ':':
                    throw new QueryParseException($"'{c}' must follow a word", i);
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"' or '^' or '[' or '{' or ']' or '}'))
            {
                if (text[i] == ':')
                {
                    var name = text[start..i];
                    if (fields.Find(name) is not null)
                    {
                        break;
                    }

                    if (IsLetters(name))
                    {
                        throw new QueryParseException($"unknown field '{name}' (known: {fields.Known})", start);
                    }
                }

                i++;
            }

            var word = text[start..i];
            if (i < text.Length && text[i] == ':')
            {
                i++;
                if (i >= text.Length || char.IsWhiteSpace(text[i]) || text[i] == ')')
                {
                    throw new QueryParseException($"missing value after '{word}:'", i);
                }

                tokens.Add(new QueryToken(QueryTokenKind.Field, word, start));
                continue;
            }

            tokens.Add(word switch
            {
                "AND" or "&&" => new QueryToken(QueryTokenKind.And, word, start),
                "OR" or "||" => new QueryToken(QueryTokenKind.Or, word, start),
                "NOT" => new QueryToken(QueryTokenKind.Not, word, start),
                _ => WithBoost(ReadWordMarks(word, start), text, ref i),
            });
        }
    }

    private static bool IsLetters(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetter(c) && c != '_')
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static bool StartsOperand(string text, int i) => i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != ')';

    private static QueryToken ReadWordMarks(string word, int start)
    {
        var tilde = word.LastIndexOf('~');
        if (tilde > 0)
        {
            var edits = word[(tilde + 1)..];
            var value = 2;
            if (edits.Length > 0 && (!int.TryParse(edits, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value is < 1 or > 2))
            {
                throw new QueryParseException($"fuzzy edits must be 1 or 2, not '{edits}'", start + tilde + 1);
            }

            return new QueryToken(QueryTokenKind.Word, word[..tilde], start) { FuzzyEdits = value };
        }

        if (tilde == 0)
        {
            throw new QueryParseException("'~' must follow a word", start);
        }

        if (word.EndsWith('*'))
        {
            var stem = word.TrimEnd('*');
            if (stem.Length == 0)
            {
                throw new QueryParseException("a prefix needs at least one letter before '*'", start);
            }

            return new QueryToken(QueryTokenKind.Word, stem, start) { Prefix = true };
        }

        var star = word.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            throw new QueryParseException("'*' is allowed only at the end of a word", start + star);
        }

        return new QueryToken(QueryTokenKind.Word, word, start);
    }

    private static QueryToken ReadPhrase(string text, ref int i)
    {
        var start = i++;
        var content = new System.Text.StringBuilder();
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            content.Append(text[i++]);
        }

        if (i >= text.Length)
        {
            throw new QueryParseException("unbalanced quote", start);
        }

        i++;
        var slop = 0;
        if (i < text.Length && text[i] == '~')
        {
            var digits = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits || !int.TryParse(text.AsSpan(digits, i - digits), NumberStyles.None, CultureInfo.InvariantCulture, out slop) || slop > 100)
            {
                throw new QueryParseException("phrase slop must be a number from 0 to 100 after '~'", digits);
            }
        }

        return WithBoost(new QueryToken(QueryTokenKind.Phrase, content.ToString(), start) { Slop = slop }, text, ref i);
    }

    private static QueryToken ReadRange(string text, ref int i)
    {
        var start = i;
        var includeLow = text[i] == '[';
        var close = text.IndexOfAny([']', '}'], i + 1);
        if (close < 0)
        {
            throw new QueryParseException("unclosed range", start);
        }

        var body = text[(i + 1)..close];
        var to = body.IndexOf(" TO ", StringComparison.Ordinal);
        if (to < 0)
        {
            throw new QueryParseException("a range reads [LOW TO HIGH]", start);
        }

        var low = body[..to].Trim();
        var high = body[(to + 4)..].Trim();
        if (low.Length == 0 || high.Length == 0)
        {
            throw new QueryParseException("a range needs both ends (use * for an open end)", start);
        }

        i = close + 1;
        return new QueryToken(QueryTokenKind.Range, body, start)
        {
            RangeLow = low,
            RangeHigh = high,
            IncludeLow = includeLow,
            IncludeHigh = text[close] == ']',
        };
    }

    private static QueryToken WithBoost(QueryToken token, string text, ref int i)
    {
        if (i >= text.Length || text[i] != '^')
        {
            return token;
        }

        var digits = ++i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        if (!float.TryParse(text.AsSpan(digits, i - digits), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var boost) || boost <= 0 || boost > 1000)
        {
            throw new QueryParseException("a boost is a positive number after '^'", digits);
        }

        return token with { Boost = boost };
    }
}
