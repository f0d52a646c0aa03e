using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Tests.Search;

/// <summary>Searches over the fourteen sample documents: what researchers and staff type, and the request features around it.</summary>
public sealed class SampleSearchTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private readonly TestIndex _index = fixture.Index;

    private static readonly string[] CitingEighteen = ["kl-hn15-tinh-uy-bac-ninh-2023", "kl-hn16-thi-uy-duc-pho-2024", "kl-hn9-thanh-uy-tu-son-2023"];

    [Theory]
    [InlineData("18-NQ/TU")]
    [InlineData("18-nq/tu")]
    [InlineData("NQ 18")]
    [InlineData("nghị quyết 18")]
    public void Codes_typed_four_ways_rank_the_three_citing_documents_first(string query)
    {
        Assert.Equal(CitingEighteen, _index.Ids(query).Take(3).Order());
    }

    [Fact]
    public void Accentless_typing_finds_the_new_countryside_documents()
    {
        var ids = _index.Ids("nong thon moi");
        Assert.Contains("tb-kl-huyen-uy-tan-yen-phien-31-2024", ids);
        Assert.Contains("kl-hn17-huyen-uy-dong-anh-2023", ids);
        Assert.Contains("kl-hn21-huyen-uy-hoang-hoa-2024", ids);
    }

    [Fact]
    public void Old_style_tone_marks_in_the_query_find_new_style_documents_and_back()
    {
        Assert.Equal(_index.Ids("Thành uỷ Hoà Bình khoá"), _index.Ids("Thành ủy Hòa Bình khóa"));
        Assert.Equal("kl-hn27-thanh-uy-hoa-binh-2024", _index.Ids("Thành ủy Hòa Bình khóa")[0]);
    }

    [Fact]
    public void Filters_restrict_hits_without_changing_their_scores()
    {
        var all = _index.Searcher.Search(new SearchRequest { Query = "giải phóng mặt bằng", Size = 50 });
        var filtered = _index.Searcher.Search(new SearchRequest { Query = "giải phóng mặt bằng", Province = "bac ninh", Size = 50 });
        Assert.NotEmpty(filtered.Hits);
        Assert.All(filtered.Hits, h => Assert.Equal("Bắc Ninh", h.Province));
        Assert.All(filtered.Hits, h => Assert.Equal(all.Hits.Single(a => a.Id == h.Id).Score, h.Score));

        var dated = _index.Searcher.Search(new SearchRequest { Query = "", From = new DateOnly(2024, 1, 1), To = new DateOnly(2024, 6, 30), Size = 50 });
        Assert.All(dated.Hits, h => Assert.InRange(h.Date!.Value, new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30)));
        Assert.Equal(dated.Hits.Select(h => h.Id).Order(), _index.Ids("date:[2024-01-01 TO 2024-06-30]").Order());

        Assert.Equal(["kl-hn9-thanh-uy-tu-son-2023"], _index.Searcher.Search(new SearchRequest { Query = "GPMB", Locality = "Tu Son" }).Hits.Select(h => h.Id));
        Assert.All(_index.Searcher.Search(new SearchRequest { Type = "notice", Size = 50 }).Hits, h => Assert.Equal("notice", h.Type));
    }

    [Fact]
    public void Date_sort_puts_the_newest_first_with_ties_in_index_order()
    {
        var hits = _index.Searcher.Search(new SearchRequest { Query = "", Sort = SearchSort.Date, Size = 50 }).Hits;
        Assert.Equal(_index.DocumentCount, hits.Count);
        for (var i = 1; i < hits.Count; i++)
        {
            var (a, b) = (hits[i - 1], hits[i]);
            Assert.True(a.Date > b.Date || (a.Date == b.Date && a.Doc < b.Doc) || (b.Date is null && a.Date is not null), $"{a.Id} {a.Date} before {b.Id} {b.Date}");
        }
    }

    [Theory]
    [InlineData(SearchSort.Relevance)]
    [InlineData(SearchSort.Date)]
    public void Pages_and_cursor_pages_read_the_same_hits_as_one_long_page(SearchSort sort)
    {
        var whole = _index.Searcher.Search(new SearchRequest { Query = "công tác", Sort = sort, Size = 100 }).Hits.Select(h => h.Id).ToList();
        Assert.True(whole.Count > 6);

        var paged = Enumerable.Range(1, 5).SelectMany(p => _index.Searcher.Search(new SearchRequest { Query = "công tác", Sort = sort, Page = p, Size = 3 }).Hits).Select(h => h.Id).ToList();
        Assert.Equal(whole.Take(15), paged);

        var followed = new List<string>();
        string? cursor = null;
        do
        {
            var page = _index.Searcher.Search(new SearchRequest { Query = "công tác", Sort = sort, Size = 4, Cursor = cursor });
            followed.AddRange(page.Hits.Select(h => h.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(whole, followed);
    }

    [Fact]
    public void A_cursor_cannot_continue_another_search_or_be_forged()
    {
        var cursor = _index.Searcher.Search(new SearchRequest { Query = "công tác", Size = 2 }).NextCursor!;
        Assert.Throws<InvalidCursorException>(() => _index.Searcher.Search(new SearchRequest { Query = "đất đai", Size = 2, Cursor = cursor }));
        Assert.Throws<InvalidCursorException>(() => _index.Searcher.Search(new SearchRequest { Query = "công tác", Size = 2, Cursor = "not-a-cursor" }));
    }

    [Fact]
    public void Pages_deeper_than_the_result_window_are_refused()
    {
        var error = Assert.Throws<ResultWindowTooLargeException>(() => _index.Searcher.Search(new SearchRequest { Query = "công tác", Page = 1001, Size = 10 }));
        Assert.Equal(10_000, error.Limit);
        Assert.Equal(10_010, error.Actual);
        Assert.Empty(_index.Searcher.Search(new SearchRequest { Query = "công tác", Page = 1000, Size = 10 }).Hits);
    }

    [Fact]
    public void A_prefix_matching_too_many_terms_is_refused()
    {
        var searcher = ConclusionSearcher.Open(_index.Snapshot, limits: new SearchLimits { MaxPrefixExpansions = 5 });
        var error = Assert.Throws<TooManyExpansionsException>(() => searcher.Search(new SearchRequest { Query = "th*" }));
        Assert.Equal("th*", error.Pattern);
        Assert.NotEmpty(searcher.Search(new SearchRequest { Query = "thủy*" }).Hits);
    }

    [Fact]
    public void A_prefix_with_many_expansions_scores_constantly_and_a_narrow_one_by_BM25()
    {
        var wide = _index.Searcher.Search(new SearchRequest { Query = "body:t*", Size = 50 });
        Assert.Equal(_index.DocumentCount, wide.Hits.Count);
        Assert.All(wide.Hits, h => Assert.Equal(1f, h.Score));
        var narrow = _index.Searcher.Search(new SearchRequest { Query = "body:thủy*", Size = 50 });
        Assert.True(narrow.Hits.Select(h => h.Score).Distinct().Count() > 1);
        Assert.Contains("thủy", _index.Searcher.MatchedTerms(_index.Searcher.Parser.Parse("body:thủy*"))["body"]);
    }

    [Fact]
    public void Explain_adds_up_to_the_hit_score()
    {
        var result = _index.Searcher.Search(new SearchRequest { Query = "giải phóng mặt bằng", Explain = true, Size = 3 });
        Assert.All(result.Hits, hit =>
        {
            Assert.NotNull(hit.Explanation);
            Assert.Equal(hit.Score, hit.Explanation!.Value, 5);
            Assert.Contains("idf", hit.Explanation.ToString(), StringComparison.Ordinal);
        });
        var miss = _index.Searcher.Explain(_index.Searcher.Parser.Parse("OCOP"), result.Hits[0].Doc);
        Assert.Equal(result.Hits[0].Id == "kl-hn27-thanh-uy-hoa-binh-2024" || result.Hits[0].Id == "kl-hn21-huyen-uy-hoang-hoa-2024", miss.IsMatch);
    }

    [Fact]
    public void Matched_terms_list_the_index_terms_per_field_for_highlighting()
    {
        var terms = _index.Searcher.MatchedTerms(_index.Searcher.Parser.Parse("nông thôn -OCOP sáp*"));
        Assert.Contains("nông", terms["body"]);
        Assert.Contains("nong", terms["body"]);
        Assert.Contains("nông_thôn", terms["body"]);
        Assert.Contains("sáp", terms["title"].Concat(terms["body"]));
        Assert.DoesNotContain("ocop", terms["body"]);
    }

    [Fact]
    public void Matching_documents_give_one_bitset_per_segment_with_every_match()
    {
        var query = _index.Searcher.Parser.Parse("công tác");
        var bits = _index.Searcher.MatchingDocuments(query);
        Assert.Equal(_index.Snapshot.Segments.Count, bits.Length);
        Assert.Equal(_index.Snapshot.Segments.Select(s => s.MaxDoc), bits.Select(b => b.Length));
        var count = bits.Sum(b => b.Cast<bool>().Count(x => x));
        Assert.Equal(_index.Searcher.Search(new SearchRequest { Query = "công tác", Size = 1 }).Total, count);

        var request = new SearchRequest { Query = "công tác", Province = "Bắc Ninh" };
        var filtered = _index.Searcher.MatchingDocuments(request).Sum(b => b.Cast<bool>().Count(x => x));
        Assert.Equal(_index.Searcher.Search(request).Total, filtered);
        Assert.InRange(filtered, 1, count - 1);
    }

    [Fact]
    public void Concurrent_searches_agree_with_a_single_thread()
    {
        string[] queries = ["giải phóng mặt bằng", "nong thon moi", "18-NQ/TU", "\"chuyển đổi số\"", "PCCC OR ATTP", "thủy*"];
        var expected = queries.ToDictionary(q => q, q => string.Join(',', _index.Ids(q)));
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var query = queries[i % queries.Length];
            Assert.Equal(expected[query], string.Join(',', _index.Ids(query)));
        });
    }

    [Fact]
    public void Hits_carry_the_stored_fields_a_result_list_shows()
    {
        var hit = _index.Searcher.Search(new SearchRequest { Query = "locality:\"Từ Sơn\"" }).Hits.Single();
        Assert.Equal("kl-hn9-thanh-uy-tu-son-2023", hit.Id);
        Assert.Equal("Từ Sơn", hit.Locality);
        Assert.Equal("Bắc Ninh", hit.Province);
        Assert.Equal(new DateOnly(2023, 7, 5), hit.Date);
        Assert.False(string.IsNullOrEmpty(hit.Title));
        Assert.IsType<BooleanQuery>(_index.Searcher.Parser.Parse("locality:\"Từ Sơn\""));
    }
}
