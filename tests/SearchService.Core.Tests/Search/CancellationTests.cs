using SearchService.Core.Catalog.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// A cancelled search stops: the token reaches the scoring loops and term expansions, so a search
/// abandoned by its client or its timeout gives its CPU back instead of running to the end.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TinyIndex _index = new(Enumerable.Range(0, 5_000).Select(i => new TinyDocument($"d{i}", $"nông thôn mới tổ {i} thôn t{i % 300} kết luận {i % 13}")));

    public void Dispose() => _index.Dispose();

    public static TheoryData<string> SlowQueries => new() { "thôn", "nông OR kết OR tổ", "t*", "\"nông thôn mới\"" };

    [Theory]
    [MemberData(nameof(SlowQueries))]
    public void A_cancelled_search_stops_with_OperationCanceledException(string query)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var searcher = ConclusionSearcher.Open(_index.Searcher.Snapshot, cancellation: cancelled.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => searcher.Search(new SearchRequest { Query = query, Size = 10 }));
        Assert.ThrowsAny<OperationCanceledException>(() => searcher.MatchingDocuments(new SearchRequest { Query = query }));
    }

    [Theory]
    [MemberData(nameof(SlowQueries))]
    public void An_uncancelled_token_changes_nothing(string query)
    {
        using var live = new CancellationTokenSource();
        var searcher = ConclusionSearcher.Open(_index.Searcher.Snapshot, cancellation: live.Token);

        var expected = _index.Searcher.Search(new SearchRequest { Query = query, Size = 10 });
        var actual = searcher.Search(new SearchRequest { Query = query, Size = 10 });

        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Hits.Select(h => h.Id), actual.Hits.Select(h => h.Id));
    }
}
