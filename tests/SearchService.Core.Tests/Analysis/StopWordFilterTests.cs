using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Stop words: kept in the index, dropped from a query's loose words with their position gap kept.</summary>
public sealed class StopWordFilterTests
{
    private const string Text = "Nghị quyết số 18 và kết luận của Tỉnh ủy";

    [Fact]
    public void Indexing_keeps_stop_words_and_their_pairs()
    {
        var tokens = Tokens(Text);

        Assert.Contains(tokens, t => t.Term == "số" && t.Type == TokenType.Syllable);
        Assert.Contains(tokens, t => t.Term == "và" && t.Type == TokenType.Syllable);
        Assert.Contains(tokens, t => t.Term == "quyết_số" && t.Type == TokenType.Pair);
    }

    [Fact]
    public void Query_drops_stop_word_syllables_but_keeps_their_pairs()
    {
        var tokens = QueryTokens(Text);

        Assert.DoesNotContain(tokens, t => t.Type == TokenType.Syllable && t.Term is "số" or "và" or "của");
        Assert.DoesNotContain(tokens, t => t.Term is "so" or "va" or "cua");
        Assert.Contains(tokens, t => t.Term == "quyết_số");
        Assert.Contains(tokens, t => t.Term == "quyet_so");
        Assert.Contains(tokens, t => t.Term == "luận_của");
        Assert.Contains(tokens, t => t.Term == "của_tỉnh");
    }

    [Fact]
    public void Query_keeps_the_position_gap()
    {
        var indexed = Tokens(Text);
        var query = QueryTokens(Text);

        // Every query token is the indexed token: same term, type, position and offsets.
        Assert.All(query, t => Assert.Contains(t, indexed));
        foreach (var term in new[] { "18", "kết", "luận", "tỉnh", "ủy" })
        {
            Assert.Equal(indexed.Single(t => t.Term == term).Position, query.Single(t => t.Term == term).Position);
        }
    }

    [Fact]
    public void Stop_word_at_the_start_of_a_query_keeps_the_next_word_in_place()
    {
        var query = QueryTokens("số 18");

        var number = Assert.Single(query);
        Assert.Equal(("18", 1), (number.Term, number.Position));
    }

    [Theory]
    [InlineData("VÀ")]
    [InlineData("Của")]
    [InlineData("những")]
    public void Stop_words_are_dropped_however_typed(string word)
    {
        Assert.Empty(QueryTokens(word));
    }

    [Fact]
    public void Stop_word_list_holds_the_common_function_words()
    {
        Assert.Contains("và", VietnameseStopWords.All);
        Assert.True(VietnameseStopWords.Contains("của"));
        Assert.False(VietnameseStopWords.Contains("đảng"));
    }
}
