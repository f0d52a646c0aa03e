using System.Diagnostics;

namespace SearchService.Core.Index.Store;

/// <summary>
/// Bounds the rate at which files are written (merges: see
/// <see cref="Writer.IndexWriterOptions.MergeWriteMBPerSecond"/>). Each write of a buffer
/// reserves its time at the rate after the previous one's; a writer ahead of its schedule sleeps
/// until it is due. Time left idle is not saved up: a merge that paused does not burst afterwards.
/// Shared by the threads of one merge (postings and stored fields), so it bounds their sum; the
/// background merges share one, whose rate the writer raises while they fall behind
/// (<see cref="Writer.AdaptiveMergeRate"/>), and a change reaches the merge running at once.
/// </summary>
public sealed class WriteRateLimiter
{
    // Pauses shorter than this are carried over to the next write rather than slept (sleeps are coarse).
    private static readonly long MinPauseTicks = Stopwatch.Frequency / 500;
    private double _ticksPerByte;
    private readonly object _lock = new();
    private long _due = Stopwatch.GetTimestamp();
    private long _pausedTicks;

    /// <summary>A limiter of <paramref name="megabytesPerSecond"/> MB (10⁶ bytes) a second.</summary>
    public WriteRateLimiter(double megabytesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(megabytesPerSecond);
        MegabytesPerSecond = megabytesPerSecond;
    }

    /// <summary>The rate written at most, in MB (10⁶ bytes) a second; a new rate applies from the next write.</summary>
    public double MegabytesPerSecond
    {
        get
        {
            lock (_lock)
            {
                return Stopwatch.Frequency / _ticksPerByte / 1e6;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            lock (_lock)
            {
                _ticksPerByte = Stopwatch.Frequency / (value * 1e6);
            }
        }
    }

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
