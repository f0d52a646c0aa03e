using System.Globalization;

namespace SearchService.Indexer.Commands;

/// <summary>
/// The CPU seconds of each kind of thread of this process while a build runs, from
/// <c>/proc/self/task/*/stat</c> (Linux; elsewhere nothing): the main thread (the writer), the
/// analysis workers, the thread pool (a flush's stored-fields compression and background merges),
/// the JIT and the garbage collector. Threads are read every half second and at the end, so a
/// thread that ends meanwhile (the analysis workers stop before the last commit) loses at most
/// its last half second (or all of it, should a new thread get its id and name meanwhile). On a shared machine these stay comparable where wall-clock shares do not.
/// </summary>
internal sealed class ThreadCpuSampler : IDisposable
{
    private readonly Dictionary<int, (string Name, long Ticks)> _start = [];
    private readonly Dictionary<int, (string Name, long Ticks)> _last = [];
    private readonly Timer? _timer;
    private readonly object _gate = new();

    public ThreadCpuSampler()
    {
        if (!Directory.Exists("/proc/self/task"))
        {
            return;
        }

        foreach (var (tid, name, ticks) in ReadThreads())
        {
            _start[tid] = (name, ticks);
        }

        _timer = new Timer(_ => Sample(), null, 500, 500);
    }

    /// <summary>False where the system gives no per-thread figures.</summary>
    public bool Available => _timer is not null;

    /// <summary>Stops sampling and returns CPU seconds per kind of thread since the sampler started, largest first.</summary>
    public List<(string Kind, double Seconds, int Threads)> Stop()
    {
        _timer?.Dispose();
        Sample();
        var mainThread = Environment.ProcessId;
        var kinds = new Dictionary<string, (double Seconds, int Threads)>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var (tid, (name, ticks)) in _last)
            {
                var before = _start.TryGetValue(tid, out var s) && s.Name == name ? s.Ticks : 0;
                var seconds = (ticks - before) / 100.0; // USER_HZ: 100 on Linux
                if (seconds <= 0)
                {
                    continue;
                }

                var kind = tid == mainThread ? "writer (main thread)" : KindOf(name);
                var (sum, count) = kinds.GetValueOrDefault(kind);
                kinds[kind] = (sum + seconds, count + 1);
            }
        }

        return [.. kinds.Select(k => (k.Key, k.Value.Seconds, k.Value.Threads)).OrderByDescending(k => k.Seconds)];
    }

    public void Dispose() => _timer?.Dispose();

    private static string KindOf(string name) => name switch
    {
        _ when name.StartsWith("read-ahead", StringComparison.Ordinal) => "analysis workers",
        _ when name.StartsWith(".NET TP Worker", StringComparison.Ordinal) || name.StartsWith(".NET Long Run", StringComparison.Ordinal) => "thread pool (flush stored fields, merges)",
        _ when name.StartsWith(".NET Tiered", StringComparison.Ordinal) => "JIT",
        _ when name.Contains("GC", StringComparison.Ordinal) => "garbage collector",
        _ => "other",
    };

    private void Sample()
    {
        var threads = ReadThreads();
        lock (_gate)
        {
            foreach (var (tid, name, ticks) in threads)
            {
                _last[tid] = (name, ticks);
            }
        }
    }

    /// <summary>Each thread's id, name and user + system ticks; a thread that ends while it is read is skipped.</summary>
    private static List<(int Tid, string Name, long Ticks)> ReadThreads()
    {
        var threads = new List<(int, string, long)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));

                // "tid (name) state ppid …": the name may hold spaces and parentheses, so split after the last ')'.
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime, stime
                threads.Add((int.Parse(stat[..open], CultureInfo.InvariantCulture), stat[(open + 1)..close], ticks));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The thread ended between listing and reading.
            }
        }

        return threads;
    }
}
