using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;
using SearchService.Api.Hosting;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;

namespace SearchService.Api.Tests.Hosting;

/// <summary>Costly searches share a narrow lane with a bounded queue; cheap ones never wait behind them.</summary>
public sealed class SearchAdmissionTests : IClassFixture<ServiceFactory>
{
    private readonly ServiceFactory _factory;

    public SearchAdmissionTests(ServiceFactory factory) => _factory = factory;

    [Fact]
    public async Task Costly_searches_queue_in_their_lane_are_refused_past_the_queue_and_cheap_ones_pass()
    {
        using var admission = new SearchAdmission(Options.Create(new SearchServiceOptions { HeavySearchConcurrency = 1, HeavySearchQueue = 1 }));

        var first = await admission.EnterAsync(heavy: true, CancellationToken.None);
        Assert.NotNull(first);
        var queued = admission.EnterAsync(heavy: true, CancellationToken.None);
        Assert.False(queued.IsCompleted, "the second costly search should wait for the lane");
        Assert.Null(await admission.EnterAsync(heavy: true, CancellationToken.None));

        using (var cheap = await admission.EnterAsync(heavy: false, CancellationToken.None))
        {
            Assert.NotNull(cheap);
        }

        first!.Dispose();
        using var second = await queued.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(second);
        Assert.Equal(0, admission.Waiting);
    }

    [Fact]
    public async Task A_waiting_search_whose_client_gives_up_leaves_the_queue()
    {
        using var admission = new SearchAdmission(Options.Create(new SearchServiceOptions { HeavySearchConcurrency = 1, HeavySearchQueue = 4 }));
        using var first = await admission.EnterAsync(heavy: true, CancellationToken.None);
        using var gone = new CancellationTokenSource();

        var waiting = admission.EnterAsync(heavy: true, gone.Token);
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, admission.Waiting);
    }

    [Fact]
    public void The_cost_of_a_search_is_the_postings_it_would_walk()
    {
        _ = _factory.CreateClient(); // starts the service: the samples are indexed
        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_factory.IndexPath));
        var searcher = ConclusionSearcher.Open(snapshot);

        var common = SearchAdmission.Cost(searcher, new SearchRequest { Query = "kết luận" });
        var rare = SearchAdmission.Cost(searcher, new SearchRequest { Query = "xyzzyq" });
        var prefix = SearchAdmission.Cost(searcher, new SearchRequest { Query = "th*" });

        Assert.Equal(0, rare);
        Assert.True(common >= snapshot.LiveCount, $"'kết luận' is in every sample: cost {common}");
        Assert.True(prefix > common, $"th* expands to many words: cost {prefix} against {common}");
        Assert.False(SearchAdmission.IsHeavy(common, snapshot.LiveCount));
        Assert.True(SearchAdmission.IsHeavy(1_000_000, 100_000));
    }
}
