using System.Diagnostics;

namespace SearchService.Core.Index.Store;

/// <summary>
/// Bounds the rate at which files are written (merges: see
/// <see cref="Writer.IndexWriterOptions.MergeWriteMBPerSecond"/>). Each write of a buffer
/// reserves its time at the rate after the previous one's; a writer ahead of its schedule sleeps
/// until it is due. Time left idle is not saved up: a merge that paused does not burst afterwards.
/// Shared by the threads of one merge (postings and stored fields), so it bounds their sum.
/// </summary>
public sealed class WriteRateLimiter
{
    // Pauses shorter than this are carried over to the next write rather than slept (sleeps are coarse).
    private static readonly long MinPauseTicks = Stopwatch.Frequency / 500;
    private readonly double _ticksPerByte;
    private readonly object _lock = new();
    private long _due = Stopwatch.GetTimestamp();
    private long _pausedTicks;

    /// <summary>A limiter of <paramref name="megabytesPerSecond"/> MB (10⁶ bytes) a second.</summary>
    public WriteRateLimiter(double megabytesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(megabytesPerSecond);
        MegabytesPerSecond = megabytesPerSecond;
        _ticksPerByte = Stopwatch.Frequency / (megabytesPerSecond * 1e6);
    }

    /// <summary>The rate written at most.</summary>
    public double MegabytesPerSecond { get; }

    /// <summary>Time writers spent paused by this limiter, summed.</summary>
    public TimeSpan Paused => TimeSpan.FromTicks((long)(Interlocked.Read(ref _pausedTicks) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));

    /// <summary>Accounts for <paramref name="bytes"/> just written; sleeps while the writers are ahead of the rate.</summary>
    public void Wrote(int bytes)
    {
        long wait;
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            _due = Math.Max(_due, now) + (long)(bytes * _ticksPerByte);
            wait = _due - now - MinPauseTicks;
        }

        if (wait > 0)
        {
            Thread.Sleep(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
            Interlocked.Add(ref _pausedTicks, wait);
        }
    }
}
