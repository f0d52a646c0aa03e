using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;

namespace SearchService.Api.Hosting;

/// <summary>
/// Keeps fast searches fast when more arrives than the machine can serve. A search's cost is
/// estimated before it runs (the postings it would walk: the document frequencies of the terms it
/// matches); costly ones take a place in a narrow lane (<see cref="SearchServiceOptions.HeavySearchConcurrency"/>
/// at a time, fewer than the cores), waiting in a bounded queue, and beyond the queue they are
/// refused with 503 and Retry-After. Cheap ones (a rare word, a code, a filter) never wait behind
/// them, so a burst of broad queries cannot take every core from everybody.
/// </summary>
public sealed class SearchAdmission : IDisposable
{
    /// <summary>Below this many postings a search is cheap whatever the index size.</summary>
    public const long MinHeavyPostings = 20_000;

    private readonly SemaphoreSlim _heavy;
    private readonly int _queueLimit;
    private int _waiting;

    /// <summary>The lane sized from the settings.</summary>
    public SearchAdmission(IOptions<SearchServiceOptions> options)
    {
        var settings = options.Value;
        var concurrency = settings.HeavySearchConcurrency > 0 ? settings.HeavySearchConcurrency : Math.Max(1, Environment.ProcessorCount - 1);
        _heavy = new SemaphoreSlim(concurrency, concurrency);
        _queueLimit = settings.HeavySearchQueue;
    }

    /// <summary>Costly searches waiting for the lane now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// The postings <paramref name="request"/> would walk in <paramref name="searcher"/>'s snapshot:
    /// the sum of the document frequencies of the terms its query matches (prefixes and fuzzy
    /// terms expanded), filters included.
    /// </summary>
    public static long Cost(IndexSearcher searcher, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var query = searcher.BuildQuery(request);
        long postings = 0;
        foreach (var (field, terms) in searcher.MatchedTerms(query))
        {
            foreach (var segment in searcher.Snapshot.Segments)
            {
                var number = segment.FieldNumber(field);
                if (number < 0)
                {
                    continue;
                }

                foreach (var term in terms)
                {
                    if (segment.Terms.TryGet(number, term, out var info))
                    {
                        postings += info.DocFreq;
                    }
                }
            }
        }

        return postings;
    }

    /// <summary>True when a search of <paramref name="cost"/> postings over <paramref name="documents"/> documents goes in the narrow lane.</summary>
    public static bool IsHeavy(long cost, int documents) => cost > Math.Max(MinHeavyPostings, documents / 5);

    /// <summary>
    /// Waits for a place in the lane when the search is heavy (cheap ones pass at once); null when
    /// the queue is full, and the caller answers 503. Dispose the ticket when the search ends.
    /// </summary>
    public async Task<IDisposable?> EnterAsync(bool heavy, CancellationToken cancellationToken)
    {
        if (!heavy)
        {
            return Ticket.None;
        }

        if (_heavy.Wait(0, CancellationToken.None))
        {
            return new Ticket(_heavy);
        }

        if (Interlocked.Increment(ref _waiting) > _queueLimit)
        {
            Interlocked.Decrement(ref _waiting);
            return null;
        }

        try
        {
            await _heavy.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Ticket(_heavy);
    }

    /// <inheritdoc/>
    public void Dispose() => _heavy.Dispose();

    private sealed class Ticket(SemaphoreSlim? lane) : IDisposable
    {
        public static readonly Ticket None = new(null);

        private SemaphoreSlim? _lane = lane;

        public void Dispose() => Interlocked.Exchange(ref _lane, null)?.Release();
    }
}
