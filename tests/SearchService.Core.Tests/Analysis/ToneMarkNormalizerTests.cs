using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>One canonical tone-mark placement: the old ("hoà") and new ("hòa") styles are one term.</summary>
public sealed class ToneMarkNormalizerTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("hoá", "hóa")]
    [InlineData("uỷ", "ủy")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("hoạ", "họa")]
    [InlineData("toả", "tỏa")]
    [InlineData("tuỳ", "tùy")]
    [InlineData("xoè", "xòe")]
    [InlineData("thuý", "thúy")]
    public void Old_and_new_tone_styles_give_the_same_term(string oldStyle, string newStyle)
    {
        var oldTerms = Primary(Tokens(oldStyle)).Select(t => t.Term);
        var newTerms = Primary(Tokens(newStyle)).Select(t => t.Term);

        Assert.Equal([newStyle], newTerms);
        Assert.Equal([newStyle], oldTerms);
    }

    [Theory]
    [InlineData("quý")]
    [InlineData("hoàng")]
    [InlineData("khuyến")]
    [InlineData("già")]
    [InlineData("toán")]
    [InlineData("quyết")]
    [InlineData("giữa")]
    [InlineData("người")]
    [InlineData("thuyền")]
    [InlineData("hoa")]
    [InlineData("uy")]
    public void Syllable_with_one_possible_tone_place_is_unchanged(string syllable)
    {
        var primary = Assert.Single(Primary(Tokens(syllable)));

        Assert.Equal(syllable, primary.Term);
    }

    [Theory]
    [InlineData("Uỷ ban", "ủy")]
    [InlineData("UỶ BAN", "ủy")]
    [InlineData("THUỶ LỢI", "thủy")]
    [InlineData("Hoà Bình", "hòa")]
    public void Capitals_get_the_canonical_tone_place_too(string text, string firstTerm)
    {
        Assert.Equal(firstTerm, Primary(Tokens(text))[0].Term);
    }

    [Fact]
    public void Mark_typed_on_the_first_vowel_before_a_final_consonant_moves_to_the_second()
    {
        Assert.Equal("hoàng", Primary(Tokens("hòang"))[0].Term);
        Assert.Equal("toán", Primary(Tokens("tóan"))[0].Term);
    }

    [Fact]
    public void Old_style_and_new_style_sentences_index_the_same_terms()
    {
        var oldStyle = Terms("Thành uỷ chỉ đạo công tác thuỷ lợi và hoà giải ở cơ sở, sức khoẻ nhân dân");
        var newStyle = Terms("Thành ủy chỉ đạo công tác thủy lợi và hòa giải ở cơ sở, sức khỏe nhân dân");

        Assert.Equal(newStyle, oldStyle);
        Assert.Contains("thành_ủy", oldStyle);
        Assert.Contains("thủy_lợi", oldStyle);
    }

    [Fact]
    public void Canonicalize_moves_the_mark_in_place_and_says_so()
    {
        var oldStyle = "hoà".ToCharArray();
        var newStyle = "hòa".ToCharArray();

        Assert.True(ToneMarkNormalizer.Canonicalize(oldStyle));
        Assert.False(ToneMarkNormalizer.Canonicalize(newStyle));
        Assert.Equal("hòa", new string(oldStyle));
        Assert.Equal("hòa", new string(newStyle));
    }

    [Fact]
    public void Canonicalize_keeps_the_case_of_the_letters()
    {
        var syllable = "KHOẺ".ToCharArray();

        ToneMarkNormalizer.Canonicalize(syllable);

        Assert.Equal("KHỎE", new string(syllable));
    }
}
