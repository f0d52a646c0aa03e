using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;

namespace SearchService.Api.Hosting;

/// <summary>
/// Keeps fast searches fast when more arrives than the machine can serve. A search's cost is
/// estimated before it runs (about how many documents it would visit; see <see cref="Cost"/>); costly ones run in a narrow lane (<see cref="SearchServiceOptions.HeavySearchConcurrency"/>
/// dedicated threads, fewer than the cores, at a lower OS priority; see <see cref="HeavySearchLane"/>),
/// waiting in a bounded queue, and beyond the queue they are refused with 503 and Retry-After.
/// Cheap ones (a rare word, a code, a filter) take their turn in the same queue, which keeps the
/// slowest answers of an even mix down, but never wait longer than a few tens of milliseconds
/// (<see cref="SearchServiceOptions.CheapSearchWaitMs"/>): then they run at once, at the
/// request's priority, so a burst of broad queries cannot take every core from everybody.
/// </summary>
public sealed class SearchAdmission : IDisposable
{
    /// <summary>Below this many documents visited a search is cheap whatever the index size.</summary>
    public const long MinHeavyCost = 20_000;

    private readonly HeavySearchLane _lane;
    private readonly TimeSpan _cheapWait;

    /// <summary>The lane sized from the settings.</summary>
    public SearchAdmission(IOptions<SearchServiceOptions> options)
    {
        var settings = options.Value;
        // Where the lane's threads run at a lower priority the scheduler keeps cheap searches first,
        // so costly ones may use every core; elsewhere they leave one core to the cheap ones.
        var concurrency = settings.HeavySearchConcurrency > 0 ? settings.HeavySearchConcurrency
            : HeavySearchLane.LowersPriority ? Environment.ProcessorCount : Math.Max(1, Environment.ProcessorCount - 1);
        _lane = new HeavySearchLane(concurrency, settings.HeavySearchQueue);
        _cheapWait = TimeSpan.FromMilliseconds(settings.CheapSearchWaitMs);
    }

    /// <summary>Costly searches waiting for the lane now.</summary>
    public int Waiting => _lane.Waiting;

    /// <summary>
    /// About how many documents <paramref name="request"/> would visit in <paramref name="searcher"/>'s
    /// snapshot (<see cref="IndexSearcher.Cost"/>): a term its document frequency, words that must
    /// all match their rarest, words any of which may match their sum (prefixes and fuzzy terms
    /// expanded), a filter bounding the rest; a narrow filter on broad words is cheap, as it runs.
    /// </summary>
    public static long Cost(IndexSearcher searcher, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return searcher.Cost(searcher.BuildQuery(request));
    }

    /// <summary>True when a search visiting about <paramref name="cost"/> documents, in an index of <paramref name="documents"/>, goes in the narrow lane.</summary>
    public static bool IsHeavy(long cost, int documents) => cost > Math.Max(MinHeavyCost, documents / 5);

    /// <summary>
    /// Runs <paramref name="search"/>: a heavy one on the lane when its turn comes, a cheap one in
    /// its turn too but never later than <see cref="SearchServiceOptions.CheapSearchWaitMs"/> (then
    /// at once); null when the lane's queue is full for a heavy one (the caller answers 503).
    /// </summary>
    public Task<T>? Run<T>(bool heavy, Func<T> search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        return heavy ? _lane.TryRun(search, cancellationToken)?.WaitAsync(cancellationToken) : _lane.RunSoon(search, _cheapWait, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose() => _lane.Dispose();
}
