using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Adjacent-syllable pairs, stacked on the second syllable, never across a break.</summary>
public sealed class SyllablePairFilterTests
{
    [Fact]
    public void Adjacent_syllables_make_pairs_on_the_second_syllable()
    {
        const string text = "Công tác giải phóng mặt bằng";
        var tokens = Tokens(text);

        foreach (var (pair, second, covered) in new[]
                 {
                     ("giải_phóng", "phóng", "giải phóng"),
                     ("phóng_mặt", "mặt", "phóng mặt"),
                     ("mặt_bằng", "bằng", "mặt bằng"),
                 })
        {
            var token = Assert.Single(tokens, t => t.Term == pair);
            Assert.Equal(TokenType.Pair, token.Type);
            Assert.Equal(tokens.Single(t => t.Term == second && t.Type == TokenType.Syllable).Position, token.Position);
            Assert.Equal(covered, Slice(text, token));
        }
    }

    [Fact]
    public void Pairs_are_folded_too()
    {
        var tokens = Tokens("giải phóng mặt bằng");

        foreach (var (pair, folded) in new[] { ("giải_phóng", "giai_phong"), ("phóng_mặt", "phong_mat"), ("mặt_bằng", "mat_bang") })
        {
            var exact = Assert.Single(tokens, t => t.Term == pair);
            var copy = Assert.Single(tokens, t => t.Term == folded);
            Assert.Equal(TokenType.Folded, copy.Type);
            Assert.Equal(exact.Position, copy.Position);
            Assert.Equal((exact.StartOffset, exact.EndOffset), (copy.StartOffset, copy.EndOffset));
        }
    }

    [Fact]
    public void No_pair_across_a_full_stop()
    {
        var terms = Terms("Phát triển kinh tế. Xã hội ổn định");

        Assert.Contains("kinh_tế", terms);
        Assert.Contains("xã_hội", terms);
        Assert.DoesNotContain("tế_xã", terms);
        Assert.DoesNotContain("te_xa", terms);
    }

    [Theory]
    [InlineData(", ")]
    [InlineData("; ")]
    [InlineData(": ")]
    [InlineData(" - ")]
    [InlineData(" (")]
    [InlineData(") ")]
    [InlineData("? ")]
    [InlineData(" “")]
    public void No_pair_across_punctuation(string punctuation)
    {
        var terms = Terms($"kinh tế{punctuation}văn hóa");

        Assert.Contains("kinh_tế", terms);
        Assert.Contains("văn_hóa", terms);
        Assert.DoesNotContain("tế_văn", terms);

        // A broken pair stands there instead, so that a phrase (read on positions) can find the text.
        Assert.Contains("tế\u00A6văn", terms);
        Assert.Contains("te\u00A6van", terms);
    }

    [Theory]
    [InlineData("\n\n")]
    [InlineData("\r\n\r\n")]
    [InlineData("\n \n")]
    public void No_pair_across_a_paragraph_break(string breakText)
    {
        var terms = Terms($"an ninh quốc phòng{breakText}văn hóa xã hội");

        Assert.Contains("quốc_phòng", terms);
        Assert.Contains("văn_hóa", terms);
        Assert.DoesNotContain("phòng_văn", terms);
    }

    [Fact]
    public void Line_break_inside_a_paragraph_still_pairs()
    {
        Assert.Contains("phòng_văn", Terms("an ninh quốc phòng\nvăn hóa xã hội"));
    }

    [Fact]
    public void No_pair_with_a_number_or_a_code()
    {
        var tokens = Tokens("trong năm 2024 tỉnh thực hiện 18-NQ/TU về chuyển đổi số");
        var pairs = tokens.Where(t => t.Type == TokenType.Pair).Select(t => t.Term).ToList();

        Assert.DoesNotContain(pairs, p => p.Any(char.IsDigit));
        Assert.DoesNotContain("năm_tỉnh", pairs);
        Assert.DoesNotContain("hiện_về", pairs);
        Assert.Contains("thực_hiện", pairs);
        Assert.Contains("chuyển_đổi", pairs);
    }

    [Fact]
    public void No_pair_with_an_abbreviation()
    {
        var pairs = Terms("chỉ đạo UBND tỉnh", TokenType.Pair);

        Assert.Equal(["chỉ_đạo"], pairs);
    }

    [Fact]
    public void Pairs_can_be_switched_off()
    {
        var analyzer = new VietnameseAnalyzer(new VietnameseAnalyzerOptions { Pairs = false });

        Assert.DoesNotContain(analyzer.Analyze("giải phóng mặt bằng"), t => t.Type == TokenType.Pair);
    }
}
