using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Whether a run of letters has the shape of one Vietnamese syllable.</summary>
public sealed class VietnameseSyllableTests
{
    [Theory]
    [InlineData("nghiêng")]
    [InlineData("khuyến")]
    [InlineData("quốc")]
    [InlineData("giữa")]
    [InlineData("gì")]
    [InlineData("trường")]
    [InlineData("người")]
    [InlineData("KẾT")]
    [InlineData("ĐẢNG")]
    [InlineData("uỷ")]
    [InlineData("a")]
    [InlineData("ơn")]
    [InlineData("ương")]
    [InlineData("nong")]
    public void Vietnamese_syllable_is_plausible(string letters)
    {
        Assert.True(VietnameseSyllable.IsPlausible(letters));
    }

    [Theory]
    [InlineData("")]
    [InlineData("UBND")]
    [InlineData("HĐND")]
    [InlineData("GPMB")]
    [InlineData("THPT")]
    [InlineData("BHYT")]
    [InlineData("covid")]
    [InlineData("xyz")]
    [InlineData("nguyênx")]
    [InlineData("nghiêngg")]
    public void Abbreviations_and_foreign_words_are_not_plausible(string letters)
    {
        Assert.False(VietnameseSyllable.IsPlausible(letters));
    }
}
