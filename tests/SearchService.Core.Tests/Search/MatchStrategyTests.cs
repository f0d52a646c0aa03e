using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// One rule for a few keywords and for a long question: a few words must all be there, a long
/// text is ranked over any of its words so the article that answers it is not shut out by the
/// documents holding every word by chance; a question's frame and stop words typed without marks
/// neither filter nor rank; a place the query names ranks its own documents first.
/// </summary>
public sealed class MatchStrategyTests
{
    [Fact]
    public void A_few_words_must_all_be_there()
    {
        using var index = new TinyIndex([
            new("all", "Đẩy nhanh giải phóng mặt bằng dự án."),
            new("some", "Giải phóng quân tiến vào thành phố."),
        ]);

        var result = index.Searcher.Search(new SearchRequest { Query = "giải phóng mặt bằng" });
        Assert.Equal(MatchStrategy.AllWords, result.MatchStrategy);
        Assert.Equal(["all"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_long_question_is_answered_by_the_article_that_lacks_one_of_its_words()
    {
        using var index = new TinyIndex([
            new("answer", "Nguồn tài chính cho phòng, chống ma túy gồm ngân sách nhà nước và nguồn tài trợ."),
            new("chance", "Phòng họp dùng nguồn điện riêng; chống thấm tường; ma két; tài liệu chính; say túy lúy."),
            new("other", "Luật giao thông đường bộ quy định về biển báo."),
        ]);

        var result = index.Searcher.Search(new SearchRequest { Query = "Nguồn tài chính nào sau đây được dùng cho phòng, chống ma túy, đúng hay sai?", Lenient = true });
        Assert.Equal(MatchStrategy.AnyWordRanked, result.MatchStrategy);
        Assert.Equal(["answer", "chance"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_short_text_no_document_holds_entirely_falls_back_to_any_word()
    {
        using var index = new TinyIndex([new("a", "Xây dựng nông thôn mới.")]);

        var result = index.Searcher.Search(new SearchRequest { Query = "nông thôn zzqxw" });
        Assert.Equal(MatchStrategy.AnyWordFallback, result.MatchStrategy);
        Assert.True(result.RelaxedToAnyWord);
        Assert.Equal(["a"], result.Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_request_that_may_not_relax_requires_every_word_of_a_long_text()
    {
        using var index = new TinyIndex([new("a", "Nguồn tài chính cho phòng, chống ma túy.")]);

        var result = index.Searcher.Search(new SearchRequest { Query = "nguồn tài chính phòng chống ma túy trường học", RelaxToAnyWord = false });
        Assert.Equal(MatchStrategy.AllWords, result.MatchStrategy);
        Assert.Empty(result.Hits);
    }

    [Theory]
    [InlineData("ma túy là gì")]
    [InlineData("ma tuy la gi")]
    [InlineData("ma túy có gây nghiện không")]
    public void The_frame_of_a_question_does_not_filter(string question)
    {
        using var index = new TinyIndex([
            new("definition", "Ma túy là chất gây nghiện được quy định trong danh mục."),
            new("frame", "Gì cũng được, không sao."),
        ]);

        Assert.Equal(["definition"], index.Ids(question));
    }

    [Fact]
    public void The_frame_of_a_long_question_does_not_rank()
    {
        // "sai" is rare here, so it would weigh most of all the question's words.
        using var index = new TinyIndex([
            new("answer", "Cơ quan báo chí phối hợp tuyên truyền pháp luật về phòng, chống ma túy."),
            new("frame", "Đúng hay sai, sai hay đúng: câu sai bị loại, câu đúng được giữ; báo chí."),
            new("filler1", "Ngân sách nhà nước năm nay."), new("filler2", "Giáo dục đào tạo."), new("filler3", "Y tế cơ sở."),
        ]);

        var ids = index.Ids("Cơ quan báo chí có trách nhiệm tuyên truyền pháp luật về phòng, chống ma túy, đúng hay sai?");
        Assert.Equal("answer", ids[0]);
        Assert.DoesNotContain("frame", ids.Take(1));
    }

    [Fact]
    public void Stop_words_typed_without_marks_do_not_filter()
    {
        using var index = new TinyIndex([new("plan", "Kế hoạch huyện năm 2024.")]);

        var result = index.Searcher.Search(new SearchRequest { Query = "ke hoach cua huyen" });
        Assert.Equal(MatchStrategy.AllWords, result.MatchStrategy);
        Assert.Equal(["plan"], result.Hits.Select(h => h.Id));
    }

    [Theory]
    [InlineData("duc pho")]
    [InlineData("Đức Phổ giải phóng mặt bằng")]
    [InlineData("Tân Yên nông thôn mới")]
    public void A_place_the_query_names_ranks_its_own_documents_first(string query)
    {
        // The other locality's document says the place's name more often; only the locality field tells them apart.
        var documents = new TinyDocument[]
        {
            new("visitor", "Đoàn công tác của huyện Tân Yên làm việc tại Đức Phổ về giải phóng mặt bằng, nông thôn mới; Đức Phổ, Đức Phổ, Tân Yên.", Locality: "Hoằng Hóa"),
            new("duc-pho", "Thị xã Đức Phổ đẩy nhanh giải phóng mặt bằng các dự án, xây dựng đô thị.", Locality: "Đức Phổ"),
            new("tan-yen", "Huyện Tân Yên có thêm xã đạt chuẩn nông thôn mới nâng cao.", Locality: "Tân Yên"),
        };
        using var index = new TinyIndex(documents);
        var expected = query.Contains("Yên", StringComparison.Ordinal) ? "tan-yen" : "duc-pho";

        Assert.Equal(expected, index.Ids(query)[0]);
        if (query == "duc pho")
        {
            // The words alone rank the visitor first: the place clause is what lifts the place's own document.
            var withoutPlaces = ConclusionSearcher.Open(index.Searcher.Snapshot, parserOptions: ConclusionQueries.ParserOptions with { PlaceBoost = 0 });
            Assert.Equal("visitor", withoutPlaces.Search(new SearchRequest { Query = query }).Hits[0].Id);
        }
    }
}
