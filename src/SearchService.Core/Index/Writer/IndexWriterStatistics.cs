namespace SearchService.Core.Index.Writer;

/// <summary>
/// What a writer spent its time on since it was opened: flushes of the RAM buffer, merges (in the
/// background or forced), and how long the adding thread waited for a merge. Benchmarks print it;
/// the writer keeps it whatever, at the cost of a few clock reads a segment.
/// </summary>
public sealed class IndexWriterStatistics
{
    private long _mergeTicks;
    private int _merges;
    private long _copiedChunks;
    private long _compressedChunks;
    private long _pausedTicks;

    /// <summary>Segments flushed from the RAM buffer.</summary>
    public int Flushes { get; internal set; }

    /// <summary>Time spent writing flushed segments (on the adding thread).</summary>
    public TimeSpan FlushTime { get; internal set; }

    /// <summary>Merges finished (background and forced).</summary>
    public int Merges => Volatile.Read(ref _merges);

    /// <summary>Time merges took, summed (a background merge runs beside the adding thread).</summary>
    public TimeSpan MergeTime => TimeSpan.FromTicks(Interlocked.Read(ref _mergeTicks));

    /// <summary>Time the writer's caller waited for a merge to finish (forced merges, waits, commits at the end).</summary>
    public TimeSpan MergeWaitTime { get; internal set; }

    /// <summary>Stored-fields chunks merges copied as they were, neither decompressed nor compressed.</summary>
    public long MergeChunksCopied => Interlocked.Read(ref _copiedChunks);

    /// <summary>Stored-fields chunks merges compressed afresh (from chunks with deleted documents, or segments' small last chunks).</summary>
    public long MergeChunksCompressed => Interlocked.Read(ref _compressedChunks);

    /// <summary>Time merges spent paused to keep to their write rate (<see cref="IndexWriterOptions.MergeWriteMBPerSecond"/>), part of <see cref="MergeTime"/>.</summary>
    public TimeSpan MergeThrottleTime => TimeSpan.FromTicks(Interlocked.Read(ref _pausedTicks));

    /// <summary>
    /// The highest write rate background merges were allowed, in MB a second: the floor
    /// (<see cref="IndexWriterOptions.MergeWriteMBPerSecond"/>) unless they fell behind the flushes
    /// (<see cref="AdaptiveMergeRate"/>); 0 when they are unbounded.
    /// </summary>
    public double MergeWriteMBPerSecondHighest { get; internal set; }

    /// <summary>Counts a finished merge that took <paramref name="elapsed"/>; called from the merging thread.</summary>
    internal void AddMerge(TimeSpan elapsed, int copiedChunks, int compressedChunks, TimeSpan paused)
    {
        Interlocked.Add(ref _pausedTicks, paused.Ticks);
        Interlocked.Add(ref _mergeTicks, elapsed.Ticks);
        Interlocked.Add(ref _copiedChunks, copiedChunks);
        Interlocked.Add(ref _compressedChunks, compressedChunks);
        Interlocked.Increment(ref _merges);
    }
}
