using SearchService.Core.Catalog.Search;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Parsing;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Tests.Search;

/// <summary>What the parser accepts, what it rejects and where, and the limits it enforces.</summary>
public sealed class QueryParserTests
{
    private readonly QueryParser _parser = new(ConclusionQueries.ParserOptions);

    [Theory]
    [InlineData("giải phóng \"mặt bằng", "unbalanced quote", 11)]
    [InlineData("(nông thôn", "unbalanced parenthesis: '(' is not closed", 0)]
    [InlineData("nông thôn)", "unbalanced parenthesis: ')' without '('", 9)]
    [InlineData("nông AND", "missing operand after AND", 5)]
    [InlineData("OR nông", "missing operand before 'OR'", 0)]
    [InlineData("tác_giả:Lê", "unknown field 'tác_giả' (known: title, body, locality, province, level, type, code, signer, date, year)", 0)]
    [InlineData("date:[2023-13-01 TO 2023-12-31]", "'2023-13-01' is not a date (write 2023-05-01, 01/05/2023, 2023-05 or 2023)", 5)]
    [InlineData("date:[2024-01-01 TO 2023-12-31]", "the range starts after it ends ('2024-01-01' > '2023-12-31')", 5)]
    [InlineData("phong~3", "fuzzy edits must be 1 or 2, not '3'", 6)]
    [InlineData("\"giải phóng\"~x", "phrase slop must be a number from 0 to 100 after '~'", 13)]
    [InlineData("[2023 TO 2024]", "a range needs a date: or year: field before it", 0)]
    [InlineData("title: nông", "missing value after 'title:'", 6)]
    [InlineData("giải*phóng", "'*' is allowed only at the end of a word", 4)]
    public void Bad_syntax_says_what_and_where(string text, string problem, int position)
    {
        var error = Assert.Throws<QueryParseException>(() => _parser.Parse(text));
        Assert.Equal(problem, error.Problem);
        Assert.Equal(position, error.Position);
        Assert.Equal($"{problem} at {position}", error.Message);
    }

    [Theory]
    [InlineData("giải phóng \"mặt bằng")]
    [InlineData("(nông thôn")]
    [InlineData("nông AND")]
    [InlineData("tác_giả:Lê")]
    [InlineData("phong~3")]
    public void Lenient_mode_reads_unparsable_text_as_plain_words(string text)
    {
        var query = _parser.Parse(text, lenient: true);
        Assert.NotEmpty(query.ToString());
        Assert.IsNotType<MatchAllQuery>(query);
    }

    [Fact]
    public void Field_clauses_map_aliases_to_conclusion_fields()
    {
        Assert.Equal("#locality:\"Từ Sơn\"", StripOuter(_parser.Parse("diaphuong:\"Từ Sơn\" nông")));
        Assert.Contains("title:nông", _parser.Parse("tieude:nông").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("body:", _parser.Parse("title:nông").ToString(), StringComparison.Ordinal);
        Assert.Equal("code:code(18 NQ TU)", _parser.Parse("code:18-NQ/TU").ToString());
        Assert.Equal("(#year:[2023 TO 2023])", _parser.Parse("year:2023").ToString());
        var days = (new DateOnly(2023, 1, 1).DayNumber, new DateOnly(2023, 12, 31).DayNumber);
        Assert.Equal($"(#date:[{days.Item1} TO {days.Item2}])", _parser.Parse("date:[2023-01-01 TO 2023-12-31]").ToString());
        Assert.Equal($"(#date:[{days.Item1} TO {days.Item2}])", _parser.Parse("date:2023").ToString());
        Assert.Equal($"(#date:[{days.Item1} TO *])", _parser.Parse("ngay:[01/01/2023 TO *]").ToString());
    }

    [Fact]
    public void Keyword_and_date_clauses_filter_without_scoring()
    {
        var query = Assert.IsType<BooleanQuery>(_parser.Parse("nông locality:\"Tân Yên\" date:2024"));
        Assert.Equal([Occur.Must, Occur.Filter, Occur.Filter], query.Clauses.Select(c => c.Occur));
    }

    [Fact]
    public void Empty_text_matches_everything()
    {
        Assert.IsType<MatchAllQuery>(_parser.Parse("   "));
    }

    [Fact]
    public void A_query_longer_than_the_limit_is_refused()
    {
        var parser = new QueryParser(ConclusionQueries.ParserOptions with { Limits = new SearchLimits { MaxQueryLength = 20 } });
        var error = Assert.Throws<QueryTooLongException>(() => parser.Parse(new string('a', 21)));
        Assert.Equal(20, error.Limit);
        Assert.Equal(21, error.Actual);
    }

    [Fact]
    public void A_query_expanding_to_more_than_1024_clauses_is_refused()
    {
        var parser = new QueryParser(ConclusionQueries.ParserOptions with { Limits = new SearchLimits { MaxQueryLength = 10_000 } });
        var words = string.Join(' ', Enumerable.Repeat("nông thôn xây dựng", 60));
        var error = Assert.Throws<TooManyClausesException>(() => parser.Parse(words));
        Assert.Equal(1024, error.Limit);
        Assert.True(error.Actual > 1024);
    }

    [Fact]
    public void Operators_nest_with_AND_binding_tighter_than_OR()
    {
        var query = Assert.IsType<BooleanQuery>(_parser.Parse("a AND b OR c"));
        Assert.Equal([Occur.Should, Occur.Should], query.Clauses.Select(c => c.Occur));
        var first = Assert.IsType<BooleanQuery>(query.Clauses[0].Query);
        Assert.Equal([Occur.Must, Occur.Must], first.Clauses.Select(c => c.Occur));
    }

    [Fact]
    public void Plain_words_become_exact_or_folded_clauses_per_field_with_pairs_as_optional_boosts()
    {
        var query = Assert.IsType<BooleanQuery>(_parser.Parse("nông thôn"));
        Assert.Equal([Occur.Must, Occur.Must, Occur.Should], query.Clauses.Select(c => c.Occur));
        Assert.Equal("(title:nông^2 title:nong body:nông body:nong^0.5)", query.Clauses[0].Query.ToString());
        Assert.Equal("(title:nông_thôn^3 title:nong_thon^1.5 body:nông_thôn^1.5 body:nong_thon^0.75)", query.Clauses[2].Query.ToString());
    }

    [Fact]
    public void A_spelled_out_phrase_with_an_abbreviation_matches_either_form()
    {
        var query = _parser.Parse("ủy ban nhân dân").ToString();
        Assert.StartsWith("(+((title:ubnd^1.8 body:ubnd^0.9) (+(title:ủy^2", query, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_next_to_a_number_adds_a_boosted_code_clause()
    {
        Assert.Contains("code:code(18 nq)^4", _parser.Parse("NQ 18").ToString(), StringComparison.Ordinal);
        Assert.Contains("code:code(18 nq)^4", _parser.Parse("nghị quyết 18").ToString(), StringComparison.Ordinal);
        Assert.Contains("code:code(18 nq tu)^4", _parser.Parse("18-NQ/TU").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("code:", _parser.Parse("năm 18").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exact_phrase_reads_pairs_or_broken_pairs_and_a_sloppy_one_reads_words()
    {
        // Either pair stands at every two syllables side by side, so "giải phóng, mặt" is the phrase
        // too: the folded pairs find the candidates without positions, the folded syllables'
        // positions verify the adjacency, and the accented pairs bound the strict (accented) reading
        // scored on top.
        const string expected = "body:\"giai phong mat\" spans(0-1:giai_phong|giai\u00A6phong 1-2:phong_mat|phong\u00A6mat) strict(0-1:giải_phóng|giải\u00A6phóng 1-2:phóng_mặt|phóng\u00A6mặt)^2^0.5";
        Assert.Equal(expected, new QueryParser(ConclusionQueries.ParserOptions with { DefaultFields = [new("body", 1f)] }).Parse("\"giải phóng mặt\"").ToString());
        Assert.Equal(expected, new QueryParser(ConclusionQueries.ParserOptions with { DefaultFields = [new("body", 1f)] }).Parse("\"giải phóng, mặt\"").ToString());

        // A sloppy phrase has no pairs: each accented word is a span of its own.
        Assert.Equal("body:\"giai phong\"~2 strict(0-0:giải 1-1:phóng)^2^0.5", new QueryParser(ConclusionQueries.ParserOptions with { DefaultFields = [new("body", 1f)] }).Parse("\"giải phóng\"~2").ToString());
    }

    [Fact]
    public void Under_the_OR_default_side_by_side_words_are_optional()
    {
        var parser = new QueryParser(ConclusionQueries.ParserOptions with { DefaultOperator = DefaultOperator.Or });
        var words = Assert.IsType<CoordinationQuery>(parser.Parse("nông thôn"));
        Assert.Equal(2, words.Words.Count);
        Assert.Single(words.Extras); // the pair "nông_thôn", scored but not counted
        var mixed = Assert.IsType<BooleanQuery>(parser.Parse("\"nông thôn\" -OCOP"));
        Assert.Equal([Occur.Should, Occur.MustNot], mixed.Clauses.Select(c => c.Occur));
    }

    private static string StripOuter(Query query) =>
        Assert.IsType<BooleanQuery>(query).Clauses.Single(c => c.Occur == Occur.Filter).Query is var filter ? "#" + filter : "";
}
