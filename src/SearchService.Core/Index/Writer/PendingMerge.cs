using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// A merge the writer started: its source segments, their deletes at the start, the new
/// segment's name, and the task writing it. The writer applies it on its own thread once the
/// task is done, carrying over the deletes that arrived meanwhile.
/// </summary>
internal sealed class PendingMerge
{
    public PendingMerge(IReadOnlyList<WriterSegment> sources, string name, MergeSegmentSource source)
    {
        Sources = sources;
        Name = name;
        Source = source;
    }

    public IReadOnlyList<WriterSegment> Sources { get; }

    public string Name { get; }

    public MergeSegmentSource Source { get; }

    public Task<SegmentInfo>? Task { get; set; }

    /// <summary>The sources' deletes when the merge started.</summary>
    public static IReadOnlyList<LiveDocs?> LiveDocsOf(IReadOnlyList<WriterSegment> sources) => sources.Select(s => s.SnapshotLiveDocs()).ToList();
}
