using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Roman numerals as documents write them for a term ("khóa XVIII") or a section ("II.").</summary>
public sealed class RomanNumeralTests
{
    [Theory]
    [InlineData("I", 1)]
    [InlineData("II", 2)]
    [InlineData("IV", 4)]
    [InlineData("IX", 9)]
    [InlineData("XIV", 14)]
    [InlineData("XVIII", 18)]
    [InlineData("XXIII", 23)]
    [InlineData("XL", 40)]
    [InlineData("MMXXIV", 2024)]
    public void Well_formed_capital_numeral_gives_its_value(string numeral, int value)
    {
        Assert.Equal(value, RomanNumeral.Parse(numeral));
    }

    [Theory]
    [InlineData("")]
    [InlineData("IIII")]
    [InlineData("VX")]
    [InlineData("IC")]
    [InlineData("XVIIII")]
    [InlineData("xviii")]
    [InlineData("C")]
    [InlineData("D")]
    [InlineData("M")]
    [InlineData("ABC")]
    [InlineData("XVIIIXVIIIXVIIIX")]
    public void Anything_else_gives_zero(string text)
    {
        Assert.Equal(0, RomanNumeral.Parse(text));
    }

    [Fact]
    public void Single_letters_C_D_M_in_text_stay_words()
    {
        var tokens = VietnameseAnalyzer.Indexing.Analyze("phương án C");

        Assert.Equal(TokenType.Word, tokens.Single(t => t.Term == "c").Type);
    }
}
