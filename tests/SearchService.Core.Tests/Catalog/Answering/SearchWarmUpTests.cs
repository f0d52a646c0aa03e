using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Writer;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Catalog.Answering;

/// <summary>
/// The searches the service runs before it listens are made from the index's own documents: of
/// every kind clients send, each finding documents (a search that finds nothing leaves the
/// scorers it would warm cold), and none of them disturbs what clients are then answered.
/// </summary>
public sealed class SearchWarmUpTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    [Fact]
    public void The_searches_cover_every_kind_and_each_finds_documents()
    {
        var searcher = fixture.Index.Searcher;
        var requests = SearchWarmUp.Requests(searcher);

        Assert.Contains(requests, r => r.Query.StartsWith('"') && r.Query.EndsWith('"') && r.Query.Any(c => c > 127));
        Assert.Contains(requests, r => r.Query.StartsWith('"') && r.Query.EndsWith('"') && r.Query.Count(c => c == ' ') >= 3);
        Assert.Contains(requests, r => r.Query.StartsWith('"') && r.Query.All(c => c < 128));
        Assert.Contains(requests, r => r.Query.Contains(" OR ", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query.Contains(" AND ", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Query.EndsWith('*'));
        Assert.Contains(requests, r => r.Locality is not null);
        Assert.Contains(requests, r => r.Sort == SearchSort.Date);
        Assert.Contains(requests, r => r.Page == 2);

        var answerer = new ConclusionSearchAnswerer();
        Assert.All(requests, r => Assert.True(answerer.Answer(searcher, r).Result.Total > 0, $"'{r.Query}' (locality {r.Locality}) finds nothing"));
    }

    [Fact]
    public void A_run_answers_every_search_of_every_pass_until_nothing_is_left_to_compile()
    {
        var report = SearchWarmUp.Run(fixture.Index.Snapshot, TimeSpan.FromMinutes(10), quiet: TimeSpan.FromMilliseconds(200));

        Assert.True(report.Queries >= 10, $"{report.Queries} searches made from {fixture.Index.DocumentCount} documents");
        Assert.True(report.Passes >= 2, $"{report.Passes} passes: the last one must show nothing left to compile");
        Assert.Equal(0, report.Failed);
        Assert.Equal(report.Passes * report.Queries, report.Searches);
        Assert.Equal(report.Searches, report.Matched);
    }

    [Fact]
    public void Clients_are_answered_the_same_after_a_warm_up()
    {
        var answerer = new ConclusionSearchAnswerer();
        var request = new SearchRequest { Query = "nông thôn mới", Lenient = true };
        var before = answerer.Answer(fixture.Index.Searcher, request);

        SearchWarmUp.Run(fixture.Index.Snapshot, TimeSpan.FromMinutes(10), quiet: TimeSpan.FromMilliseconds(200));
        var after = new ConclusionSearchAnswerer().Answer(fixture.Index.Searcher, request);

        Assert.Equal(before.Result.Hits.Select(h => (h.Id, h.Score)), after.Result.Hits.Select(h => (h.Id, h.Score)));
        Assert.Equal(before.Snippets.SelectMany(s => s), after.Snippets.SelectMany(s => s));
        Assert.Equal(before.Facets.Select(f => string.Join(",", f.Values)), after.Facets.Select(f => string.Join(",", f.Values)));
    }

    [Fact]
    public void An_empty_index_or_no_budget_searches_nothing()
    {
        using var folder = new TempFolder("ss-warm");
        using (var writer = IndexWriter.Open(folder.Path, ConclusionFields.Schema))
        {
            writer.Commit();
        }

        using var empty = IndexSnapshot.Open(new SearchService.Core.Index.Store.IndexDirectory(folder.Path));
        Assert.Equal(0, SearchWarmUp.Run(empty, TimeSpan.FromMinutes(10)).Searches);
        Assert.Equal(0, SearchWarmUp.Run(fixture.Index.Snapshot, TimeSpan.Zero).Searches);
    }
}
