using SearchService.Core.Catalog.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// A query typed without marks: each syllable alone may be any of its accented words, so the
/// words side by side decide. "giai phong mat bang" must rank the conclusions about land clearance
/// above a fire-prevention notice that has many "phòng" and "mặt" and one "giải phóng mặt bằng".
/// </summary>
public sealed class UnmarkedQueryTests : IDisposable
{
    private readonly TestIndex _index = TestIndex.OfSamples();

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Giai_phong_mat_bang_puts_a_conclusion_about_land_clearance_first()
    {
        var hits = ConclusionSearcher.Open(_index.Snapshot).Search(new SearchRequest { Query = "giai phong mat bang", Size = 3, Lenient = true }).Hits;
        var counts = _index.Records.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => Occurrences(g.First().Body ?? "", "giải phóng mặt bằng"));
        const string notice = "tb-kl-quan-uy-ngo-quyen-phien-52-2024";

        Assert.Equal(1, counts[notice]);
        Assert.NotEqual(notice, hits[0].Id);
        Assert.True(counts[hits[0].Id] >= 2, $"{hits[0].Id} has 'giải phóng mặt bằng' {counts[hits[0].Id]} time(s)");
    }

    private static int Occurrences(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
