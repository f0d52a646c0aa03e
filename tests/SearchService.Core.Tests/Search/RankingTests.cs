using SearchService.Core.Catalog.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>How words, accents, abbreviations, pairs, phrases and codes rank, on hand-written documents.</summary>
public sealed class RankingTests
{
    [Fact]
    public void Folded_query_finds_accented_text_and_accented_query_finds_unaccented_text()
    {
        using var index = new TinyIndex([
            new("accented", "Xây dựng nông thôn mới ở các xã."),
            new("plain", "Xay dung nong thon moi o cac xa."),
            new("other", "Công tác cán bộ và chuyển đổi số."),
        ]);

        Assert.Equal(["accented", "plain"], index.Ids("nong thon moi").Order());
        Assert.Equal(["accented", "plain"], index.Ids("nông thôn mới").Order());
    }

    [Fact]
    public void Exact_accents_rank_above_a_match_of_the_folded_form_only()
    {
        using var index = new TinyIndex([
            new("folded-only", "Bàn về nóng thơn mỗi năm."),
            new("exact", "Bàn về nông thôn mới năm nay."),
        ]);

        Assert.Equal(["exact", "folded-only"], index.Ids("nông thôn mới"));
    }

    [Fact]
    public void Old_and_new_tone_mark_styles_find_the_same_documents_with_the_same_scores()
    {
        using var index = new TinyIndex([
            new("old", "Thành uỷ Hoà Bình họp bàn công tác khoá mới."),
            new("new", "Thành ủy Hòa Bình họp bàn công tác khóa mới."),
            new("none", "Huyện ủy Tân Yên họp."),
        ]);

        var oldStyle = index.Searcher.Search(new SearchRequest { Query = "Thành uỷ Hoà Bình" });
        var newStyle = index.Searcher.Search(new SearchRequest { Query = "thành ủy hòa bình" });

        // Four words are ranked over any of them: the document with "ủy" alone comes last.
        Assert.Equal(["new", "old"], oldStyle.Hits.Take(2).Select(h => h.Id).Order());
        Assert.Equal("none", oldStyle.Hits[^1].Id);
        Assert.Equal(oldStyle.Hits.Select(h => (h.Id, h.Score)), newStyle.Hits.Select(h => (h.Id, h.Score)));
    }

    [Theory]
    [InlineData("GPMB")]
    [InlineData("giải phóng mặt bằng")]
    [InlineData("giai phong mat bang")]
    [InlineData("UBND")]
    [InlineData("ủy ban nhân dân")]
    [InlineData("Uỷ ban nhân dân")]
    public void Abbreviations_and_their_phrases_find_each_other(string query)
    {
        using var index = new TinyIndex([
            new("abbreviated", "UBND huyện đẩy nhanh công tác GPMB dự án."),
            new("spelled", "Ủy ban nhân dân huyện đẩy nhanh giải phóng mặt bằng dự án."),
            new("unrelated", "Hội nghị bàn công tác cán bộ."),
        ]);

        Assert.Equal(["abbreviated", "spelled"], index.Ids(query).Order());
    }

    [Fact]
    public void Adjacent_syllables_rank_above_scattered_ones()
    {
        using var index = new TinyIndex([
            new("scattered", "Mặt trận giải quyết phóng viên và bằng khen."),
            new("adjacent", "Công tác giải phóng mặt bằng và bằng khen."),
        ]);

        Assert.Equal(["adjacent", "scattered"], index.Ids("giải phóng mặt bằng"));
    }

    [Fact]
    public void A_phrase_matches_only_adjacent_words_and_slop_allows_gaps()
    {
        using var index = new TinyIndex([
            new("phrase", "Đẩy nhanh giải phóng mặt bằng."),
            new("gap", "Đẩy nhanh giải phóng nhanh mặt bằng."),
            new("reversed", "Mặt bằng được giải phóng."),
        ]);

        Assert.Equal(["phrase"], index.Ids("\"giải phóng mặt bằng\""));
        Assert.Equal(["phrase"], index.Ids("\"giai phong mat bang\""));
        Assert.Equal(["phrase", "gap"], index.Ids("\"giải phóng mặt bằng\"~1"));
    }

    [Fact]
    public void An_accented_phrase_finds_every_spelling_and_ranks_its_own_first_where_positions_are_kept_on_folded_words_only()
    {
        // The index keeps positions on the folded words alone; the accented pairs tell the spellings apart.
        using var index = new TinyIndex([
            new("other-marks", "Đẩy nhanh giải phòng mật bảng ở khu vực phía nam."),
            new("exact", "Đẩy nhanh giải phóng mặt bằng ở khu vực phía nam."),
            new("unmarked", "Day nhanh giai phong mat bang o khu vuc phia nam."),
            new("scattered", "Giải phóng quân đã về; mặt bằng còn rộng."),
        ]);

        var hits = index.Ids("\"giải phóng mặt bằng\"");
        Assert.Equal("exact", hits[0]);
        Assert.Equal(["exact", "other-marks", "unmarked"], hits.Order());
        Assert.Equal(["exact", "other-marks", "unmarked"], index.Ids("\"giai phong mat bang\"").Order());

        // A word beside a number has no pair: its folded form's positions carry the phrase.
        using var numbers = new TinyIndex([
            new("year", "Kế hoạch năm 2023 đã hoàn thành."),
            new("apart", "Năm nay hoàn thành 2023 chỉ tiêu."),
        ]);
        Assert.Equal(["year"], numbers.Ids("\"năm 2023\""));
        Assert.Equal(["year"], numbers.Ids("\"nam 2023\""));
    }

    [Fact]
    public void A_phrase_runs_across_punctuation_as_positions_do_whether_the_query_has_it_or_not()
    {
        using var index = new TinyIndex([
            new("comma", "Công tác phòng, chống tham nhũng được đẩy mạnh."),
            new("split", "Đã giải phóng, mặt bằng còn vướng."),
            new("joined", "Đẩy nhanh giải phóng mặt bằng."),
            new("apart", "Giải phóng quân; mặt trận; bằng khen."),
        ]);

        // As Lucene reads a phrase: punctuation takes no position.
        Assert.Equal(["joined", "split"], index.Ids("\"giải phóng mặt bằng\"").Order());
        Assert.Equal(["comma"], index.Ids("\"phòng, chống tham nhũng\""));
        Assert.Equal(["comma"], index.Ids("\"phong chong tham nhung\""));
        Assert.Equal(["joined", "split"], index.Ids("\"giải phóng mặt bằng\"~1").Order());
    }

    [Fact]
    public void The_title_weighs_more_than_the_body()
    {
        using var index = new TinyIndex([
            new("body", "Kết luận về chuyển đổi số và cải cách hành chính trong năm.", Title: "Kết luận hội nghị"),
            new("title", "Kết luận về cải cách hành chính trong năm và các việc khác.", Title: "Kết luận về chuyển đổi số"),
        ]);

        Assert.Equal("title", index.Ids("chuyển đổi số")[0]);
    }

    [Theory]
    [InlineData("18-NQ/TU")]
    [InlineData("18-nq/tu")]
    [InlineData("NQ 18")]
    [InlineData("nghị quyết 18")]
    public void A_code_typed_any_way_ranks_the_citing_document_first(string query)
    {
        using var index = new TinyIndex([
            new("mentions", "Nghị quyết của Hội đồng nhân dân về 18 xã, tu bổ 18 công trình."),
            new("cites", "Thực hiện Nghị quyết số 18-NQ/TU của Tỉnh ủy.", Codes: ["18-NQ/TU"]),
            new("other-code", "Thực hiện Nghị quyết số 19-NQ/TU của Tỉnh ủy.", Codes: ["19-NQ/TU"]),
        ]);

        Assert.Equal("cites", index.Ids(query)[0]);
        Assert.DoesNotContain("other-code", index.Ids(query));
    }

    [Fact]
    public void Fuzzy_words_find_typos_and_prefixes_find_word_starts()
    {
        using var index = new TinyIndex([
            new("a", "Đẩy mạnh chuyển đổi số trong cơ quan."),
            new("b", "Chuyên đề về đất đai."),
        ]);

        Assert.Equal(["a"], index.Ids("chuyeen~1 doi so"));
        Assert.Equal(["a", "b"], index.Ids("chuy*").Order());
        Assert.Equal(["a"], index.Ids("chuyển*"));
    }

    [Fact]
    public void Boolean_operators_combine_words()
    {
        using var index = new TinyIndex([
            new("ocop", "Phát triển sản phẩm OCOP và du lịch."),
            new("pccc", "Công tác PCCC và du lịch."),
            new("both", "OCOP và PCCC."),
        ]);

        Assert.Equal(["ocop", "pccc"], index.Ids("du lịch").Order());
        Assert.Equal(["ocop"], index.Ids("du lịch -PCCC"));
        Assert.Equal(["ocop"], index.Ids("du lịch AND NOT pccc"));
        Assert.Equal(["both", "ocop", "pccc"], index.Ids("OCOP OR PCCC").Order());
        Assert.Equal(["both", "pccc"], index.Ids("+pccc (ocop OR lịch)").Order());
    }
}
