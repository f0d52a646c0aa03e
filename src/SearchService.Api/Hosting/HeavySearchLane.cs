using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SearchService.Api.Hosting;

/// <summary>
/// Where searches take turns: a few dedicated threads (not the thread pool, so a long search never
/// holds a thread that cheap searches and the server's I/O need) at a lower OS priority (10 nice steps below the process
/// on Linux: when a cheap search is ready to run, the scheduler gives it the core first), fed from
/// a bounded queue; beyond the queue a costly search is refused rather than left to wait without
/// end. Cheap searches queue too, but only for a bounded wait (<see cref="RunSoon"/>).
/// </summary>
internal sealed class HeavySearchLane : IDisposable
{
    /// <summary>
    /// How many nice steps the lane's threads sit below the process (0 is normal, 19 the lowest
    /// priority): relative, so a service started at another nice value keeps the same distance.
    /// </summary>
    private const int NiceSteps = 10;

    private readonly BlockingCollection<Action> _queue;

    // Costly searches queued and not yet started: only they count against the queue's bound (cheap
    // ones leave it within their wait, and one a caller ran itself is skipped when its turn comes).
    private readonly int _capacity;
    private int _costlyWaiting;
    private readonly Thread[] _threads;

    /// <summary>A lane of <paramref name="threads"/> threads and <paramref name="queue"/> waiting places.</summary>
    public HeavySearchLane(int threads, int queue)
    {
        _queue = new BlockingCollection<Action>(new ConcurrentQueue<Action>());
        _capacity = Math.Max(1, queue);
        _threads = new Thread[Math.Max(1, threads)];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"heavy-search-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>True where the lane's threads run at a lower OS priority than the request threads (Linux).</summary>
    public static bool LowersPriority => OperatingSystem.IsLinux();

    /// <summary>Costly searches waiting for a thread of the lane now (cheap ones are not counted).</summary>
    public int Waiting => Volatile.Read(ref _costlyWaiting);

    /// <summary>
    /// Queues <paramref name="work"/>; null when the queue is full (the caller answers 503). The
    /// task ends cancelled when <paramref name="cancellationToken"/> fires before the work starts.
    /// </summary>
    public Task<T>? TryRun<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (Interlocked.Increment(ref _costlyWaiting) > _capacity)
        {
            Interlocked.Decrement(ref _costlyWaiting);
            return null;
        }

        var queued = _queue.TryAdd(() =>
        {
            Interlocked.Decrement(ref _costlyWaiting);
            Complete(done, work, cancellationToken);
        });
        if (!queued)
        {
            Interlocked.Decrement(ref _costlyWaiting);
            return null;
        }

        return done.Task;
    }

    /// <summary>
    /// Queues <paramref name="work"/> (a cheap search) behind the searches already waiting, but
    /// for at most <paramref name="wait"/>: if no thread of the lane has taken it by then, it runs
    /// at once on the caller's side, at the request's priority (as it does when the lane is closing).
    /// Taking turns keeps the slowest answers down when every kind arrives together (a cheap
    /// search that jumped the queue would push the costly ones further back); the bound keeps a
    /// cheap search fast when costly ones pile up.
    /// </summary>
    public Task<T> RunSoon<T>(Func<T> work, TimeSpan wait, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var claimed = 0;
        void Claimed()
        {
            // Whoever takes it first runs it: a thread of the lane, or the caller once the wait is over.
            if (Interlocked.Exchange(ref claimed, 1) == 0)
            {
                Complete(done, work, cancellationToken);
            }
        }

        if (wait <= TimeSpan.Zero || !_queue.TryAdd(Claimed))
        {
            Complete(done, work, cancellationToken);
            return done.Task;
        }

        return WaitOrRunAsync();

        async Task<T> WaitOrRunAsync()
        {
            var first = await Task.WhenAny(done.Task, Task.Delay(wait, CancellationToken.None)).ConfigureAwait(false);
            if (first != done.Task)
            {
                Claimed();
            }

            return await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> unless its search was given up first, and ends <paramref name="done"/> with what came of it.</summary>
    private static void Complete<T>(TaskCompletionSource<T> done, Func<T> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            done.TrySetCanceled(cancellationToken);
            return;
        }

        try
        {
            done.TrySetResult(work());
        }
        catch (OperationCanceledException e)
        {
            done.TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            done.TrySetException(e);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _queue.Dispose();
    }

    private void Work()
    {
        LowerPriority();
        foreach (var work in _queue.GetConsumingEnumerable())
        {
            work();
        }
    }

    /// <summary>
    /// Renices the calling thread (Linux schedules threads as tasks of their own) to
    /// <see cref="NiceSteps"/> below the thread that started it, which has the process's nice value.
    /// Lowering needs no privilege; where it fails or the OS is another, the lane still bounds how
    /// many costly searches run, only without the scheduler's preference for cheap ones.
    /// </summary>
    private static void LowerPriority()
    {
        if (LowersPriority)
        {
            var thread = GetThreadId();
            // getpriority returns the nice value (-20..19); -1 is also its error value, told apart by errno.
            Marshal.SetLastPInvokeError(0);
            var nice = GetPriority(0, thread);
            if (nice == -1 && Marshal.GetLastPInvokeError() != 0)
            {
                nice = 0;
            }

            _ = SetPriority(0, thread, Math.Min(19, nice + NiceSteps)); // 0 = PRIO_PROCESS, which for a thread id is that thread
        }
    }

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);
}
