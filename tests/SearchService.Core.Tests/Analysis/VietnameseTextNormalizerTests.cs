using System.Text;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// Character-level normalization: NFC, Đ look-alikes, markdown emphasis, invisible characters and
/// no-break spaces, with offsets that still point into the original text.
/// </summary>
public sealed class VietnameseTextNormalizerTests
{
    private const string Sentence = "Hội đồng nhân dân huyện Yên Thế ưu tiên vốn được giao cho đường giao thông nông thôn, người dân đồng thuận";

    [Fact]
    public void Decomposed_text_gives_the_same_tokens_as_composed_text()
    {
        var composed = Sentence.Normalize(NormalizationForm.FormC);
        var decomposed = Sentence.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed.Length, decomposed.Length);

        var expected = Tokens(composed).Select(t => (t.Term, t.Type, t.Position)).ToList();
        var actual = Tokens(decomposed).Select(t => (t.Term, t.Type, t.Position)).ToList();

        Assert.Equal(expected, actual);
        Assert.Contains("người", actual.Select(t => t.Term));
        Assert.Contains("hđnd", actual.Select(t => t.Term));
    }

    [Fact]
    public void Offsets_into_decomposed_text_cover_whole_letters()
    {
        var composed = Sentence.Normalize(NormalizationForm.FormC);
        var decomposed = Sentence.Normalize(NormalizationForm.FormD);
        var composedTokens = Tokens(composed);
        var decomposedTokens = Tokens(decomposed);
        Assert.Equal(composedTokens.Count, decomposedTokens.Count);

        for (var i = 0; i < composedTokens.Count; i++)
        {
            var slice = Slice(decomposed, decomposedTokens[i]);
            Assert.Equal(Slice(composed, composedTokens[i]), slice.Normalize(NormalizationForm.FormC));

            // The slice ends after the last combining mark of its last letter, not inside the cluster.
            var end = decomposedTokens[i].EndOffset;
            Assert.False(end < decomposed.Length && char.GetUnicodeCategory(decomposed[end]) == System.Globalization.UnicodeCategory.NonSpacingMark);
        }
    }

    [Fact]
    public void Partly_decomposed_text_gives_the_same_tokens_as_composed_text()
    {
        // "Kết" with the tone added to a precomposed ê, "được" fully decomposed, the rest composed.
        var mixed = "Ban Thường vụ Kê\u0301t luận " + "được".Normalize(NormalizationForm.FormD) + " triển khai đồng bộ";
        const string composed = "Ban Thường vụ Kết luận được triển khai đồng bộ";

        var expected = Tokens(composed).Select(t => (t.Term, t.Type, t.Position));
        var actual = Tokens(mixed).Select(t => (t.Term, t.Type, t.Position));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Normalized_text_maps_each_char_back_to_the_original()
    {
        const string source = "**Kê\u0301t** lu\u00ADận";
        var normalized = new NormalizedText();

        VietnameseTextNormalizer.Normalize(source, normalized);

        Assert.Equal("Kết luận", normalized.Chars.ToString());
        Assert.Equal(source.Length, normalized.OriginalLength);
        Assert.Equal(2, normalized.OriginalStart(0)); // "K" after the stars
        Assert.Equal(3, normalized.OriginalStart(1)); // "ế" came from "e" + U+0301
        Assert.Equal(5, normalized.OriginalEnd(1));
        Assert.Equal(source.Length - 1, normalized.OriginalStart(normalized.Length - 1));
    }

    [Fact]
    public void Eth_typed_for_D_with_stroke_gives_the_same_term()
    {
        var withEth = Terms("\u00D0ẢNG BỘ XÃ \u00D0ÔNG PHONG");
        var withStroke = Terms("ĐẢNG BỘ XÃ ĐÔNG PHONG");

        Assert.Equal(withStroke, withEth);
        Assert.Equal("đảng", withEth[0]);
        Assert.Contains("đông", withEth);
    }

    [Fact]
    public void Lowercase_eth_gives_lowercase_d_with_stroke()
    {
        var terms = Terms("quản lý \u00F0ất \u00F0ai");

        Assert.Contains("đất", terms);
        Assert.Contains("đai", terms);
        Assert.Contains("dat", terms);
    }

    [Fact]
    public void Markdown_emphasis_gives_the_same_terms_as_plain_text()
    {
        var marked = Tokens("**Chương trình hành động** của Huyện ủy về *chuyển đổi số*");
        var plain = Tokens("Chương trình hành động của Huyện ủy về chuyển đổi số");

        Assert.Equal(
            plain.Select(t => (t.Term, t.Type, t.Position)),
            marked.Select(t => (t.Term, t.Type, t.Position)));
    }

    [Fact]
    public void Offsets_of_emphasised_words_exclude_the_stars()
    {
        const string text = "**Chương trình** và *chuyển đổi*";

        var primary = Primary(Tokens(text));

        Assert.Equal(["Chương", "trình", "và", "chuyển", "đổi"], primary.Select(t => Slice(text, t)));
        Assert.Equal(2, primary[0].StartOffset);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u00AD")]
    [InlineData("\u200C")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    public void Invisible_character_inside_a_word_does_not_split_it(string invisible)
    {
        var text = $"tăng cườ{invisible}ng kiểm tra";

        var primary = Primary(Tokens(text));

        Assert.Equal(["tăng", "cường", "kiểm", "tra"], primary.Select(t => t.Term));
        Assert.Equal($"cườ{invisible}ng", Slice(text, primary[1]));
        Assert.Contains("tăng_cường", Terms(text));
    }

    [Theory]
    [InlineData("\u00A0")]
    [InlineData("\u202F")]
    [InlineData("\u2007")]
    public void No_break_space_separates_words_like_a_space(string space)
    {
        var text = $"Ban{space}Thường{space}vụ";

        var withSpace = Tokens(text);

        Assert.Equal(Tokens("Ban Thường vụ"), withSpace);
        Assert.Equal(["ban", "thường", "vụ"], Primary(withSpace).Select(t => t.Term));
    }

    // Code units, not strings: xunit cannot tell apart test cases whose strings hold lone surrogates.
    [Theory]
    [InlineData(0xD83C, 0xDF89)] // 🎉, a valid pair
    [InlineData(0xD83C, 0)] // lone high surrogate
    [InlineData(0, 0xDF89)] // lone low surrogate
    public void Stray_accent_after_a_surrogate_does_not_break_analysis(int high, int low)
    {
        var surrogates = (high == 0 ? "" : ((char)high).ToString()) + (low == 0 ? "" : ((char)low).ToString());
        var text = $"Chúc mừng {surrogates}\u0301 thành công";

        var terms = Terms(text);

        Assert.Equal(["chúc", "mừng", "thành", "công"], Primary(Tokens(text)).Select(t => t.Term));
        Assert.Contains("thành_công", terms);
    }
}
