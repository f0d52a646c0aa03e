using System.Text;
using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// The one comparison form of typed names: the filters, the gazetteer and the suggester all meet a
/// user's "tu son" and a document's "Từ Sơn" through it, whatever the tone style or Unicode form.
/// </summary>
public sealed class FoldedKeyTests
{
    [Theory]
    [InlineData("Từ Sơn", "tu son")]
    [InlineData("  ĐẮK\tLẮK  ", "dak lak")]
    [InlineData("hòa_bình", "hoa binh")]
    [InlineData("18-NQ/TU", "18-nq/tu")]
    public void Words_folds_and_keeps_words_apart(string text, string key) => Assert.Equal(key, FoldedKey.Words(text));

    [Theory]
    [InlineData("Quế Võ", "quevo")]
    [InlineData("que-vo", "quevo")]
    [InlineData("18-NQ/TU", "18nqtu")]
    public void Compact_keeps_letters_and_digits_only(string text, string key) => Assert.Equal(key, FoldedKey.Compact(text));

    [Fact]
    public void Decomposed_and_composed_text_and_both_tone_styles_have_one_key()
    {
        var composed = "Thanh Hóa";
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(FoldedKey.Words(composed), FoldedKey.Words(decomposed));
        Assert.Equal(FoldedKey.Compact("Thanh Hoá"), FoldedKey.Compact(decomposed));
    }
}
