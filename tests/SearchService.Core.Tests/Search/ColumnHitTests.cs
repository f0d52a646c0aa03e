using SearchService.Core.Catalog.Search;

namespace SearchService.Core.Tests.Search;

public sealed class ColumnHitTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    [Theory]
    [InlineData("nong thon moi")]
    [InlineData("18-NQ/TU")]
    [InlineData("")]
    public void Hits_read_from_columns_equal_hits_read_from_stored_fields_except_the_title(string query)
    {
        var searcher = ConclusionSearcher.Open(fixture.Index.Snapshot);
        var stored = searcher.Search(new SearchRequest { Query = query, Size = 20 });
        var columns = searcher.Search(new SearchRequest { Query = query, Size = 20, ReadStoredFields = false });

        Assert.NotEmpty(stored.Hits);
        Assert.Equal(stored.Hits.Select(h => (h.Id, h.Score, h.Locality, h.Province, h.Level, h.Type, h.Date)), columns.Hits.Select(h => (h.Id, h.Score, h.Locality, h.Province, h.Level, h.Type, h.Date)));
        Assert.All(columns.Hits, h => Assert.Equal("", h.Title));
        Assert.Contains(stored.Hits, h => h.Title.Length > 0);
    }
}
