using SearchService.Core.Analysis;

namespace SearchService.Core.Index.Writer;

/// <summary>Settings of an <see cref="IndexWriter"/>.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>RAM the buffer may use before it is flushed to a segment (default 64 MiB).</summary>
    public long RamBufferBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The analyzer whose index chain makes the terms of text fields (default: the Vietnamese indexing chain).</summary>
    public Analyzer Analyzer { get; init; } = VietnameseAnalyzer.Indexing;

    /// <summary>Chooses the segments merged in the background after a flush; null turns automatic merges off (<see cref="IndexWriter.ForceMerge"/> still works).</summary>
    public TieredMergePolicy? MergePolicy { get; init; } = new();

    /// <summary>
    /// How fast a background merge may write while merges keep up with the flushes, in MB (10⁶
    /// bytes) a second; null for no bound (default 20, where Lucene's merge scheduler starts). A
    /// merge that writes slower also reads and computes slower, leaving the cores and the disk to
    /// searches and to the adding thread: at 100k, searches beside a merge at 20 MB/s kept a median
    /// of 3.7–5.5 ms (3.4–4.0 alone, 8.0–8.8 beside an unbounded one; docs/benchmarks.md, Merges).
    /// When a flush finds a whole tier of segments waiting behind the running merge, the rate is
    /// raised, up to ten times this, and eased back once they have caught up
    /// (<see cref="AdaptiveMergeRate"/>): at a fixed 20 MB/s a 1M build left 41 segments.
    /// </summary>
    public double? MergeWriteMBPerSecond { get; init; } = 20;

    /// <summary>
    /// How fast <see cref="IndexWriter.ForceMerge"/> may write, in MB a second; null for no bound
    /// (the default: the caller waits for it, and a merge command runs when asked, so it goes as
    /// fast as it can; bound it when a force-merge runs beside searches that must keep their latency).
    /// </summary>
    public double? ForceMergeWriteMBPerSecond { get; init; }
}
