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
}
