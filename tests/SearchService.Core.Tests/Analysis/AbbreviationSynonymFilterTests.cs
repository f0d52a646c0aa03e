using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>Administrative abbreviations both ways: the spelled-out phrase and the abbreviation meet in one term.</summary>
public sealed class AbbreviationSynonymFilterTests
{
    public static TheoryData<string, string> AbbreviationsAndPhrases => new()
    {
        { "UBND", "Ủy ban nhân dân" },
        { "HĐND", "Hội đồng nhân dân" },
        { "MTTQ", "Mặt trận Tổ quốc" },
        { "UBMTTQ", "Ủy ban Mặt trận Tổ quốc" },
        { "GPMB", "giải phóng mặt bằng" },
        { "ATTP", "an toàn thực phẩm" },
        { "VSATTP", "vệ sinh an toàn thực phẩm" },
        { "BHYT", "bảo hiểm y tế" },
        { "BHXH", "bảo hiểm xã hội" },
        { "PCCC", "phòng cháy chữa cháy" },
        { "ANTT", "an ninh trật tự" },
        { "TTXD", "trật tự xây dựng" },
        { "KT-XH", "kinh tế - xã hội" },
        { "QP-AN", "quốc phòng - an ninh" },
        { "CT-XH", "chính trị - xã hội" },
        { "NTM", "nông thôn mới" },
        { "CCHC", "cải cách hành chính" },
        { "THPT", "trung học phổ thông" },
        { "THCS", "trung học cơ sở" },
        { "DQTV", "dân quân tự vệ" },
        { "CCB", "Cựu chiến binh" },
        { "BCH", "Ban Chấp hành" },
        { "BTV", "Ban Thường vụ" },
        { "KHKT", "khoa học kỹ thuật" },
        { "KHKT", "khoa học kĩ thuật" },
        { "CNTT", "công nghệ thông tin" },
        { "HTX", "hợp tác xã" },
        { "CNH-HĐH", "công nghiệp hóa, hiện đại hóa" },
        { "CNH-HĐH", "công nghiệp hoá - hiện đại hoá" },
    };

    [Theory]
    [MemberData(nameof(AbbreviationsAndPhrases))]
    public void Abbreviation_and_its_spelled_out_phrase_share_a_term(string abbreviation, string phrase)
    {
        var abbreviationToken = Assert.Single(Primary(QueryTokens(abbreviation)));
        Assert.Equal(TokenType.Abbreviation, abbreviationToken.Type);

        var text = $"Tăng cường vai trò của {phrase} trong năm";
        var synonyms = Tokens(text).Where(t => t.Type == TokenType.Synonym).ToList();

        Assert.Contains(synonyms, s => s.Term == abbreviationToken.Term || Fold(s.Term) == Fold(abbreviationToken.Term));
        var synonym = synonyms.First(s => Fold(s.Term) == Fold(abbreviationToken.Term));
        Assert.Equal(phrase, Slice(text, synonym));
    }

    [Fact]
    public void Spelled_out_phrase_gets_the_abbreviation_stacked_on_its_first_syllable()
    {
        const string text = "Tiến độ giải phóng mặt bằng còn chậm";
        var tokens = Tokens(text);

        var synonym = Assert.Single(tokens, t => t.Type == TokenType.Synonym);

        Assert.Equal("gpmb", synonym.Term);
        Assert.Equal(tokens.Single(t => t.Term == "giải").Position, synonym.Position);
        Assert.Equal("giải phóng mặt bằng", Slice(text, synonym));
    }

    [Fact]
    public void Abbreviation_query_analyzes_to_its_term()
    {
        var token = Assert.Single(QueryTokens("GPMB"));

        Assert.Equal(("gpmb", TokenType.Abbreviation), (token.Term, token.Type));
    }

    [Fact]
    public void Abbreviation_query_reaches_spelled_out_text()
    {
        var document = Terms("Ủy ban nhân dân huyện đẩy nhanh giải phóng mặt bằng khu công nghiệp");

        Assert.All(QueryTokens("GPMB UBND"), t => Assert.Contains(t.Term, document));
    }

    [Fact]
    public void Spelled_out_query_reaches_abbreviated_text()
    {
        var document = Terms("Đẩy nhanh tiến độ GPMB dự án đường vành đai");
        var query = QueryTokens("giải phóng mặt bằng");

        var synonym = Assert.Single(query, t => t.Type == TokenType.Synonym);
        Assert.Equal("gpmb", synonym.Term);
        Assert.Contains(synonym.Term, document);
    }

    [Theory]
    [InlineData("Uỷ ban nhân dân")]
    [InlineData("Ủy ban nhân dân")]
    [InlineData("UỶ BAN NHÂN DÂN")]
    [InlineData("uy ban nhan dan")]
    [InlineData("U\u0309y ban nha\u0302n da\u0302n")]
    public void Every_spelling_of_the_phrase_gets_the_synonym(string phrase)
    {
        Assert.Contains("ubnd", Terms($"{phrase} xã Tân Trung", TokenType.Synonym));
    }

    [Fact]
    public void Phrase_with_a_comma_gets_the_synonym()
    {
        const string text = "công tác phòng cháy, chữa cháy và cứu nạn";

        var synonym = Assert.Single(Tokens(text), t => t.Type == TokenType.Synonym);

        Assert.Equal("pccc", synonym.Term);
        Assert.Equal("phòng cháy, chữa cháy", Slice(text, synonym));
    }

    [Fact]
    public void Longest_phrase_wins()
    {
        var tokens = Tokens("Ủy ban Mặt trận Tổ quốc xã");

        var first = Assert.Single(tokens, t => t.Type == TokenType.Synonym && t.Position == 0);
        Assert.Equal("ubmttq", first.Term);
        Assert.Contains(tokens, t => t.Type == TokenType.Synonym && t.Term == "mttq" && t.Position == 2);
    }

    [Fact]
    public void Part_of_a_phrase_gets_no_synonym()
    {
        Assert.Empty(Terms("giải phóng mặt đường", TokenType.Synonym));
        Assert.Empty(Terms("an toàn giao thông", TokenType.Synonym));
    }

    [Fact]
    public void Phrase_broken_by_a_number_gets_no_synonym()
    {
        Assert.Empty(Terms("Ủy ban 2024 nhân dân", TokenType.Synonym));
    }

    [Fact]
    public void Synonyms_can_be_switched_off()
    {
        var analyzer = new VietnameseAnalyzer(new VietnameseAnalyzerOptions { Synonyms = false });

        Assert.DoesNotContain(analyzer.Analyze("giải phóng mặt bằng"), t => t.Type == TokenType.Synonym);
    }
}
