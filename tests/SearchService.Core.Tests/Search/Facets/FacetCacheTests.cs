using SearchService.Core.Catalog.Search;
using SearchService.Core.Catalog.Answering;

namespace SearchService.Core.Tests.Search.Facets;

/// <summary>Facets from the per-snapshot cache are the facets computed afresh, for every request shape, first time and again.</summary>
public sealed class FacetCacheTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.OfSamples();

    public void Dispose() => _index.Dispose();

    public static TheoryData<string, string?, string?, int?> Requests => new()
    {
        { "", null, null, null },
        { "nông thôn mới", null, null, null },
        { "giai phong mat bang", "Từ Sơn", null, null },
        { "kết luận", null, "Bắc Giang", 2024 },
        { "Huyện nào đã hoàn thành chỉ tiêu nông thôn mới trong năm 2023?", null, null, null },
        { "\"chuyển đổi số\"", null, null, 2023 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Cached_facets_equal_fresh_ones_the_first_time_and_every_time_after(string query, string? locality, string? province, int? year)
    {
        var request = new SearchRequest { Query = query, Locality = locality, Province = province, Year = year, Lenient = true };
        var fresh = new ConclusionSearchAnswerer();
        var cached = new ConclusionSearchAnswerer(new FacetCache(8));
        var expected = Render(fresh.Answer(ConclusionSearcher.Open(_index.Snapshot), request));

        Assert.Equal(expected, Render(cached.Answer(ConclusionSearcher.Open(_index.Snapshot), request)));
        Assert.Equal(expected, Render(cached.Answer(ConclusionSearcher.Open(_index.Snapshot), request)));

        // The unfiltered matches cached for this query serve the same query with another filter.
        var other = request with { Province = province is null ? "Bắc Ninh" : null };
        Assert.Equal(Render(fresh.Answer(ConclusionSearcher.Open(_index.Snapshot), other)), Render(cached.Answer(ConclusionSearcher.Open(_index.Snapshot), other)));
    }

    private static string Render(SearchAnswer answer) =>
        string.Join(" | ", answer.Facets.Select(f => f.Field + ": " + string.Join(", ", f.Values.Select(v => $"{v.Value}={v.Count}"))));
}
