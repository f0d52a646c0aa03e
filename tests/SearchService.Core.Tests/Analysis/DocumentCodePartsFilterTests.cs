using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Document codes are kept whole and findable by their parts.</summary>
public sealed class DocumentCodePartsFilterTests
{
    [Fact]
    public void Parts_are_stacked_on_the_code()
    {
        var tokens = Tokens("Nghị quyết 18-NQ/TU của Tỉnh ủy");
        var code = Assert.Single(tokens, t => t.Type == TokenType.Code);
        var parts = tokens.Where(t => t.Type == TokenType.CodePart).ToList();

        Assert.Equal("18-nq/tu", code.Term);
        Assert.Equal(["18", "nq", "tu"], parts.Select(t => t.Term));
        Assert.All(parts, p => Assert.Equal((code.Position, code.StartOffset, code.EndOffset), (p.Position, p.StartOffset, p.EndOffset)));
    }

    [Fact]
    public void Parts_with_D_with_stroke_are_folded()
    {
        var tokens = Tokens("Quyết định 06/QĐ-TTg");
        var code = Assert.Single(tokens, t => t.Type == TokenType.Code);

        Assert.Equal(["06", "qđ", "ttg"], tokens.Where(t => t.Type == TokenType.CodePart).Select(t => t.Term));
        Assert.Contains(tokens, t => t.Type == TokenType.Folded && t.Term == "qd" && t.Position == code.Position);
        Assert.Contains(tokens, t => t.Type == TokenType.Folded && t.Term == "06/qd-ttg" && t.Position == code.Position);
    }

    [Fact]
    public void Code_with_a_year_has_three_parts()
    {
        Assert.Equal(["35", "2021", "qh15"], Terms("Luật số 35/2021/QH15", TokenType.CodePart));
    }

    [Fact]
    public void Code_is_findable_by_its_parts()
    {
        var document = Terms("Triển khai Nghị quyết số 18-NQ/TU của Ban Thường vụ");

        Assert.All(QueryTokens("NQ 18"), t => Assert.Contains(t.Term, document));
    }

    [Fact]
    public void Code_parts_can_be_switched_off()
    {
        var analyzer = new VietnameseAnalyzer(new VietnameseAnalyzerOptions { CodeParts = false });

        var tokens = analyzer.Analyze("18-NQ/TU");

        Assert.Equal([("18-nq/tu", TokenType.Code)], tokens.Select(t => (t.Term, t.Type)));
    }
}
