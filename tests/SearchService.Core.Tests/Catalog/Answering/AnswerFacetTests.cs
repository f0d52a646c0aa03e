using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Catalog.Answering;

/// <summary>The facets of an answer count the matches of the query that produced its hits.</summary>
public sealed class AnswerFacetTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    [Fact]
    public void When_no_document_has_every_word_the_facets_count_the_any_word_matches_shown()
    {
        var request = new SearchRequest { Query = "xyzzyq nông thôn", Lenient = true, TotalHitsThreshold = int.MaxValue };

        var answer = new ConclusionSearchAnswerer().Answer(ConclusionSearcher.Open(fixture.Index.Snapshot), request);

        Assert.Equal(MatchStrategy.AnyWordFallback, answer.Result.MatchStrategy);
        Assert.True(answer.Result.Total > 0);
        var years = Assert.Single(answer.Facets, f => f.Field == ConclusionFields.Year);
        Assert.Equal(answer.Result.Total, years.DocumentsWithValue);
        Assert.Equal(answer.Result.Total, years.Values.Sum(v => v.Count));
    }
}
