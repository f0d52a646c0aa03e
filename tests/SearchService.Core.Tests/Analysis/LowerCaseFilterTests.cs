using System.Globalization;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Lowercasing: every term lowercase, Đ included, whatever the current culture.</summary>
public sealed class LowerCaseFilterTests
{
    [Fact]
    public void Capitals_are_lowercased_including_D_with_stroke()
    {
        var primary = Primary(Tokens("ĐOÀN THANH NIÊN Đồng Khởi"));

        Assert.Equal(["đoàn", "thanh", "niên", "đồng", "khởi"], primary.Select(t => t.Term));
    }

    [Fact]
    public void Capitals_and_lowercase_give_the_same_terms()
    {
        Assert.Equal(Terms("tổ chức cơ sở đảng"), Terms("TỔ CHỨC CƠ SỞ ĐẢNG"));
    }

    [Fact]
    public void Turkish_culture_does_not_change_the_letter_i()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");

            var primary = Primary(Tokens("TIN TỨC CHÍNH TRỊ"));

            Assert.Equal(["tin", "tức", "chính", "trị"], primary.Select(t => t.Term));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_lowercase_table_agrees_with_the_runtime_for_every_char()
    {
        // The chain lowercases from a table instead of asking ICU per char: it must be the same function.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(char.ToLowerInvariant((char)c), SearchService.Core.Analysis.VietnameseAlphabet.ToLower((char)c));
        }
    }
}
