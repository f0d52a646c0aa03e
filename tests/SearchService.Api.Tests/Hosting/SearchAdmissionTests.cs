using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;
using SearchService.Api.Hosting;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;

namespace SearchService.Api.Tests.Hosting;

/// <summary>Costly searches share a narrow lane with a bounded queue; cheap ones take their turn in it for a bounded wait, never behind a stuck one.</summary>
public sealed class SearchAdmissionTests : IClassFixture<ServiceFactory>
{
    private readonly ServiceFactory _factory;

    public SearchAdmissionTests(ServiceFactory factory) => _factory = factory;

    [Fact]
    public async Task Costly_searches_queue_in_their_lane_are_refused_past_the_queue_and_cheap_ones_never_wait_for_a_stuck_one()
    {
        using var admission = new SearchAdmission(Options.Create(new SearchServiceOptions { HeavySearchConcurrency = 1, HeavySearchQueue = 1, CheapSearchWaitMs = 50 }));
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();

        var first = admission.Run(heavy: true, () => { started.Set(); release.Wait(); return 1; }, CancellationToken.None);
        Assert.NotNull(first);
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)), "the lane should start the first costly search");
        var queued = admission.Run(heavy: true, () => 2, CancellationToken.None);
        Assert.NotNull(queued);
        Assert.False(queued.IsCompleted, "the second costly search should wait for the lane");
        Assert.Null(admission.Run(heavy: true, () => 3, CancellationToken.None));

        // The lane is stuck: a cheap search waits its bounded turn, then runs anyway.
        var cheap = admission.Run(heavy: false, () => 4, CancellationToken.None);
        Assert.NotNull(cheap);
        Assert.Equal(4, await cheap.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(first.IsCompleted, "the cheap search must not have waited for the stuck costly one");

        release.Set();
        Assert.Equal(1, await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, await queued.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, admission.Waiting);
    }

    [Fact]
    public async Task A_cheap_search_takes_its_turn_behind_the_searches_already_waiting()
    {
        using var admission = new SearchAdmission(Options.Create(new SearchServiceOptions { HeavySearchConcurrency = 1, HeavySearchQueue = 4, CheapSearchWaitMs = 600_000 }));
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var running = admission.Run(heavy: true, () => { started.Set(); release.Wait(); order.Enqueue("running"); return 0; }, CancellationToken.None)!;
        Assert.True(started.Wait(TimeSpan.FromSeconds(10)));
        var queued = admission.Run(heavy: true, () => { order.Enqueue("costly"); return 0; }, CancellationToken.None)!;
        var cheap = admission.Run(heavy: false, () => { order.Enqueue("cheap"); return 0; }, CancellationToken.None)!;

        await Task.Delay(100);
        Assert.False(cheap.IsCompleted, "within its wait, a cheap search should wait its turn");
        Assert.Equal(1, admission.Waiting); // only costly searches count against the queue
        release.Set();
        await Task.WhenAll(running, queued, cheap).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["running", "costly", "cheap"], order);
    }

    [Fact]
    public async Task Costly_searches_run_ten_nice_steps_below_a_service_started_at_any_nice_value()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the lane lowers priorities on Linux only, and the test reads them from /proc
        }

        // A service started with `nice -n 3` must keep its costly lane below its own request threads
        // (3 + 10), not at an absolute 10 that would put the lane above other processes' work.
        // The lane's threads inherit the nice value of the thread that creates them, so this test
        // creates the lane from a thread of its own, reniced to 3.
        var (inherited, lane) = await Task.Factory.StartNew(
            () =>
            {
                Assert.Equal(0, SetOwnNice(3));
                using var admission = new SearchAdmission(Options.Create(new SearchServiceOptions { HeavySearchConcurrency = 1 }));
                var seen = admission.Run(heavy: true, OwnNice, CancellationToken.None)!.GetAwaiter().GetResult();
                return (OwnNice(), seen);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Assert.Equal(3, inherited);
        Assert.Equal(13, lane);
    }

    /// <summary>The calling thread's nice value, field 19 of /proc/thread-self/stat.</summary>
    private static int OwnNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture); // fields after the name start at field 3
    }

    private static int SetOwnNice(int nice) => SetPriority(0, GetThreadId(), nice);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [Fact]
    public async Task A_waiting_search_whose_client_gives_up_is_not_run()
    {
        using var admission = new SearchAdmission(Options.Create(new SearchServiceOptions { HeavySearchConcurrency = 1, HeavySearchQueue = 4 }));
        using var release = new ManualResetEventSlim();
        using var gone = new CancellationTokenSource();
        var first = admission.Run(heavy: true, () => release.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        var ran = false;

        var waiting = admission.Run(heavy: true, () => ran = true, gone.Token);
        Assert.NotNull(waiting);
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.Set();
        await first!.WaitAsync(TimeSpan.FromSeconds(10));

        await admission.Run(heavy: true, () => true, CancellationToken.None)!.WaitAsync(TimeSpan.FromSeconds(10)); // the lane is past the abandoned one
        Assert.False(ran, "the abandoned search should not run");
        Assert.Equal(0, admission.Waiting);
    }

    [Fact]
    public void The_cost_of_a_search_is_the_documents_it_would_visit()
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

    [Fact]
    public void A_narrow_filter_or_a_rare_required_word_makes_a_broad_search_cheap()
    {
        _ = _factory.CreateClient();
        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_factory.IndexPath));
        var searcher = ConclusionSearcher.Open(snapshot);
        var locality = searcher.Search(new SearchRequest { Query = "kết luận", Size = 1 }).Hits[0].Locality!;
        var inLocality = searcher.Search(new SearchRequest { Query = "kết luận", Locality = locality, Size = 100 }).Total;

        var broad = SearchAdmission.Cost(searcher, new SearchRequest { Query = "kết luận" });
        var filtered = SearchAdmission.Cost(searcher, new SearchRequest { Query = "kết luận", Locality = locality });
        var phrase = SearchAdmission.Cost(searcher, new SearchRequest { Query = "\"kết luận\"" });
        var withCode = SearchAdmission.Cost(searcher, new SearchRequest { Query = "\"kết luận\" AND \"18-NQ/TU\"" });
        var either = SearchAdmission.Cost(searcher, new SearchRequest { Query = "\"kết luận\" OR \"18-NQ/TU\"" });

        Assert.True(filtered < broad, $"filtered to {locality}: cost {filtered}, unfiltered {broad}");
        Assert.True(filtered <= 2 * inLocality, $"{inLocality} documents in {locality}, cost {filtered}");
        Assert.True(withCode < phrase, $"AND a code: cost {withCode}, the phrase alone {phrase}");
        Assert.True(either > phrase, $"OR a code visits both: cost {either}, the phrase alone {phrase}");
    }
}
