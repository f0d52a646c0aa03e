using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// Splitting text into typed tokens: syllables, numbers and dates as Vietnamese writes them,
/// document codes kept whole, Roman numerals and abbreviations, with exact offsets and positions.
/// </summary>
public sealed class VietnameseTokenizerTests
{
    [Fact]
    public void Syllables_are_Syllable_tokens()
    {
        var primary = Primary(Tokens("Huyện ủy tổ chức hội nghị sơ kết"));

        Assert.All(primary, t => Assert.Equal(TokenType.Syllable, t.Type));
        Assert.Equal(["huyện", "ủy", "tổ", "chức", "hội", "nghị", "sơ", "kết"], primary.Select(t => t.Term));
    }

    [Theory]
    [InlineData("11.225,4")]
    [InlineData("21,4%")]
    [InlineData("1.625")]
    [InlineData("3.402.118")]
    [InlineData("0,75")]
    [InlineData("100%")]
    public void Number_written_the_Vietnamese_way_is_one_token(string number)
    {
        var text = $"Tổng vốn đầu tư đạt {number} so với kế hoạch";

        var token = Assert.Single(Tokens(text), t => t.Type == TokenType.Number);

        Assert.Equal(number, token.Term);
        Assert.Equal(number, Slice(text, token));
    }

    [Theory]
    [InlineData("05/7/2023")]
    [InlineData("04/10/2023")]
    [InlineData("1/12/2024")]
    public void Day_month_year_is_one_Date_token(string date)
    {
        var text = $"Hội nghị họp ngày {date} tại hội trường";

        var token = Assert.Single(Tokens(text), t => t.Type == TokenType.Date);

        Assert.Equal(date, token.Term);
        Assert.Equal(date, Slice(text, token));
    }

    [Theory]
    [InlineData("18-NQ/TU", "18-nq/tu")]
    [InlineData("706-KL/TU", "706-kl/tu")]
    [InlineData("06/QĐ-TTg", "06/qđ-ttg")]
    [InlineData("35/2021/QH15", "35/2021/qh15")]
    [InlineData("01-CTr/BTVTUHP-BTVĐUCSSB", "01-ctr/btvtuhp-btvđucssb")]
    [InlineData("158-QĐ/TW", "158-qđ/tw")]
    public void Document_code_is_kept_whole(string code, string term)
    {
        var text = $"Thực hiện văn bản số {code}, Ban Thường vụ yêu cầu";

        var tokens = Tokens(text);
        var token = Assert.Single(tokens, t => t.Type == TokenType.Code);

        Assert.Equal(term, token.Term);
        Assert.Equal(code, Slice(text, token));

        // Nothing else comes out of the code's chars except tokens stacked on it.
        Assert.All(
            tokens.Where(t => t.StartOffset < token.EndOffset && t.EndOffset > token.StartOffset && t != token),
            t => Assert.Equal(token.Position, t.Position));
    }

    [Fact]
    public void Map_scale_is_a_number_not_a_code()
    {
        var tokens = Tokens("lập quy hoạch chi tiết tỷ lệ 1/2000 khu dân cư");

        var token = Assert.Single(tokens, t => t.Term.Contains('/', StringComparison.Ordinal));

        Assert.Equal("1/2000", token.Term);
        Assert.Equal(TokenType.Number, token.Type);
        Assert.DoesNotContain(tokens, t => t.Type == TokenType.Code);
    }

    [Fact]
    public void Year_range_is_two_numbers()
    {
        const string text = "nhiệm kỳ 2020-2025 của Đảng bộ";

        var numbers = Tokens(text).Where(t => t.Type == TokenType.Number).ToList();

        Assert.Equal(["2020", "2025"], numbers.Select(t => t.Term));
        Assert.Equal(numbers[0].Position + 1, numbers[1].Position);
        Assert.Equal(["2020", "2025"], numbers.Select(t => Slice(text, t)));
    }

    [Theory]
    [InlineData("Đảng bộ tỉnh khóa XVIII", "xviii")]
    [InlineData("Ban Chấp hành khóa XXIII", "xxiii")]
    [InlineData("II. Nhiệm vụ trọng tâm", "ii")]
    public void Roman_numeral_is_a_Roman_token(string text, string term)
    {
        var token = Assert.Single(Tokens(text), t => t.Type == TokenType.Roman);

        Assert.Equal(term, token.Term);
    }

    [Theory]
    [InlineData("UBND")]
    [InlineData("HĐND")]
    [InlineData("KT-XH")]
    [InlineData("QP-AN")]
    [InlineData("GPMB")]
    [InlineData("THPT")]
    [InlineData("CNH-HĐH")]
    public void Capital_abbreviation_is_an_Abbreviation_token(string abbreviation)
    {
        var text = $"Đề nghị {abbreviation} huyện chỉ đạo";

        var token = Assert.Single(Tokens(text), t => t.Type == TokenType.Abbreviation);

        Assert.Equal(abbreviation.ToLowerInvariant(), token.Term);
        Assert.Equal(abbreviation, Slice(text, token));
    }

    [Fact]
    public void Lowercase_known_abbreviation_is_an_Abbreviation_token()
    {
        var token = Assert.Single(Tokens("gpmb"));

        Assert.Equal(TokenType.Abbreviation, token.Type);
    }

    [Fact]
    public void Capitalised_syllables_in_a_heading_are_syllables()
    {
        var primary = Primary(Tokens("KẾT LUẬN HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN"));

        Assert.All(primary, t => Assert.Equal(TokenType.Syllable, t.Type));
        Assert.Equal(["kết", "luận", "hội", "nghị", "ban", "chấp", "hành", "đảng", "bộ", "huyện"], primary.Select(t => t.Term));
    }

    [Fact]
    public void Foreign_words_and_letters_with_digits_are_Word_tokens()
    {
        var primary = Primary(Tokens("phòng chống covid, theo dõi F0"));

        Assert.Equal(TokenType.Word, primary.Single(t => t.Term == "covid").Type);
        Assert.Equal(TokenType.Word, primary.Single(t => t.Term == "f0").Type);
    }

    [Fact]
    public void Every_primary_token_covers_exactly_its_own_chars()
    {
        const string text = "KẾT LUẬN của Uỷ ban nhân dân huyện về Kế hoạch 122-KH/TU ngày 05/7/2023: doanh thu 11.225,4 tỷ đồng, tăng 21,4%; UBND, KT-XH, khóa XVIII.";

        var primary = Primary(Tokens(text));

        Assert.Equal(
            ["kết", "luận", "của", "ủy", "ban", "nhân", "dân", "huyện", "về", "kế", "hoạch", "122-kh/tu", "ngày", "05/7/2023",
             "doanh", "thu", "11.225,4", "tỷ", "đồng", "tăng", "21,4%", "ubnd", "kt-xh", "khóa", "xviii"],
            primary.Select(t => t.Term));
        Assert.All(primary, t => Assert.Equal(ExpectedTerm(Slice(text, t), t.Type), t.Term));
    }

    [Fact]
    public void Stacked_tokens_point_at_the_chars_they_stand_for()
    {
        const string text = "Đẩy nhanh giải phóng mặt bằng dự án 18-NQ/TU";
        var tokens = Tokens(text);

        Assert.All(tokens.Where(t => t.Type == TokenType.Folded), t =>
        {
            var exact = tokens.First(p => p.Position == t.Position && p.StartOffset == t.StartOffset && p.EndOffset == t.EndOffset && p.Type != TokenType.Folded);
            Assert.Equal(Fold(exact.Term), t.Term);
        });
        Assert.All(tokens.Where(t => t.Type == TokenType.Pair), t =>
        {
            var parts = t.Term.Split('_');
            var first = tokens.Single(p => p.Type == TokenType.Syllable && p.Position == t.Position - 1);
            var second = tokens.Single(p => p.Type == TokenType.Syllable && p.Position == t.Position);
            Assert.Equal([first.Term, second.Term], parts);
            Assert.Equal(first.StartOffset, t.StartOffset);
            Assert.Equal(second.EndOffset, t.EndOffset);
        });
        Assert.Equal("giải phóng mặt bằng", Slice(text, tokens.Single(t => t.Type == TokenType.Synonym)));
        Assert.All(tokens.Where(t => t.Type == TokenType.CodePart), t => Assert.Equal("18-NQ/TU", Slice(text, t)));
    }

    [Fact]
    public void Primary_tokens_advance_one_position_and_stacked_tokens_share_it()
    {
        var tokens = Tokens("Xây dựng nông thôn mới năm 2024 theo 18-NQ/TU, UBND tỉnh");
        var primary = Primary(tokens);

        Assert.Equal(Enumerable.Range(0, primary.Count), primary.Select(t => t.Position));
        Assert.All(tokens.Except(primary), t => Assert.Contains(primary, p => p.Position == t.Position));
    }

    [Fact]
    public void Empty_and_punctuation_only_text_has_no_tokens()
    {
        Assert.Empty(Tokens(""));
        Assert.Empty(Tokens(" .,;:-–()“”\n\n* _ "));
    }
}
