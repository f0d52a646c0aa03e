using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Accent folding: an accent-free copy stacked beside the exact form, so "nong thon moi" finds "nông thôn mới".</summary>
public sealed class AccentFoldingFilterTests
{
    [Fact]
    public void Folded_copy_sits_beside_each_accented_syllable()
    {
        var tokens = Tokens("xây dựng nông thôn mới");

        foreach (var (exact, folded) in new[] { ("nông", "nong"), ("thôn", "thon"), ("mới", "moi"), ("dựng", "dung") })
        {
            var syllable = Assert.Single(tokens, t => t.Term == exact);
            var copy = Assert.Single(tokens, t => t.Term == folded);
            Assert.Equal(TokenType.Syllable, syllable.Type);
            Assert.Equal(TokenType.Folded, copy.Type);
            Assert.Equal(syllable.Position, copy.Position);
            Assert.Equal((syllable.StartOffset, syllable.EndOffset), (copy.StartOffset, copy.EndOffset));
        }
    }

    [Fact]
    public void D_with_stroke_folds_to_d()
    {
        var tokens = Tokens("đất");

        Assert.Equal([("đất", TokenType.Syllable), ("dat", TokenType.Folded)], tokens.Select(t => (t.Term, t.Type)));
    }

    [Fact]
    public void Exact_form_is_kept_before_its_folded_copy()
    {
        var terms = Terms("Người dân đồng thuận");

        Assert.Equal(["người", "nguoi", "dân", "dan", "người_dân", "nguoi_dan"], terms.Take(6));
    }

    [Fact]
    public void Folded_query_finds_accented_text()
    {
        var document = Terms("Huyện tập trung xây dựng nông thôn mới nâng cao ở các xã");
        var query = QueryTokens("nong thon moi");

        Assert.NotEmpty(query);
        Assert.All(query, t => Assert.Contains(t.Term, document));
    }

    [Fact]
    public void Accented_query_finds_unaccented_text_through_the_folded_copy()
    {
        var document = Terms("xay dung nong thon moi");
        var query = QueryTokens("nông thôn mới");

        Assert.All(query.Where(t => t.Type == TokenType.Folded), t => Assert.Contains(t.Term, document));
        Assert.Contains(query, t => t.Term == "nong_thon");
    }

    [Fact]
    public void Unaccented_syllable_gets_no_folded_copy()
    {
        Assert.Equal([("tin", TokenType.Syllable)], Tokens("tin").Select(t => (t.Term, t.Type)));
    }

    [Fact]
    public void Numbers_dates_and_roman_numerals_are_not_folded()
    {
        var tokens = Tokens("khóa XVIII ngày 05/7/2023 đạt 11.225,4");

        Assert.DoesNotContain(tokens, t => t.Type == TokenType.Folded && (t.Term == "xviii" || t.Term.Any(char.IsDigit)));
    }

    [Fact]
    public void Abbreviation_with_D_is_folded()
    {
        var terms = Terms("HĐND");

        Assert.Equal(["hđnd", "hdnd"], terms);
    }

    [Fact]
    public void Folding_can_be_switched_off()
    {
        var analyzer = new VietnameseAnalyzer(new VietnameseAnalyzerOptions { Fold = false });

        var tokens = analyzer.Analyze("nông thôn mới");

        Assert.DoesNotContain(tokens, t => t.Type == TokenType.Folded);
        Assert.Contains(tokens, t => t.Term == "nông_thôn");
    }
}
