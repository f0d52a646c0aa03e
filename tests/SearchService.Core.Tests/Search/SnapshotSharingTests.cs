using SearchService.Core.Catalog.Search;
using SearchService.Core.Search.Limits;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// A service opens a searcher per request: what a snapshot's searches work out (built queries,
/// and with them their rewrites and statistics) is shared by every searcher opened on it alike.
/// </summary>
public sealed class SnapshotSharingTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    [Fact]
    public void Searchers_of_one_snapshot_with_equal_settings_build_a_request_once_and_other_settings_apart()
    {
        var request = new SearchRequest { Query = "nông thôn", Locality = "Từ Sơn" };

        var first = ConclusionSearcher.Open(fixture.Index.Snapshot, limits: new SearchLimits { MaxResultWindow = 500 }).BuildQuery(request);
        var second = ConclusionSearcher.Open(fixture.Index.Snapshot, limits: new SearchLimits { MaxResultWindow = 500 }).BuildQuery(request);
        var otherLimits = ConclusionSearcher.Open(fixture.Index.Snapshot, limits: new SearchLimits { MaxResultWindow = 900 }).BuildQuery(request);

        Assert.Same(first, second);
        Assert.NotSame(first, otherLimits);
        Assert.Equal(first.ToString(), otherLimits.ToString());
    }
}
