using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Reader;

/// <summary>
/// A point-in-time view of an index: the segments of one commit, each with a document base so
/// the view numbers documents 0..MaxDoc-1 across segments. It never changes; the writer's later
/// flushes, commits and clean-ups do not affect it (files it has open stay readable after they
/// are deleted). <see cref="Reopen"/> gives a newer snapshot, reusing the segment readers that
/// did not change.
/// </summary>
public sealed class IndexSnapshot
{
    private IndexSnapshot(IndexDirectory directory, CommitPoint commit, IReadOnlyList<SegmentReader> segments)
    {
        Directory = directory;
        Commit = commit;
        Segments = segments;
        var bases = new int[segments.Count];
        var total = 0;
        var live = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            bases[i] = total;
            total += segments[i].MaxDoc;
            live += segments[i].LiveCount;
        }

        DocBases = bases;
        MaxDoc = total;
        LiveCount = live;
    }

    /// <summary>The index directory.</summary>
    public IndexDirectory Directory { get; }

    /// <summary>The commit this snapshot shows.</summary>
    public CommitPoint Commit { get; }

    /// <summary>The segments, in commit order.</summary>
    public IReadOnlyList<SegmentReader> Segments { get; }

    /// <summary>The first snapshot-wide doc number of each segment.</summary>
    public IReadOnlyList<int> DocBases { get; }

    /// <summary>Documents, deleted included.</summary>
    public int MaxDoc { get; }

    /// <summary>Documents not deleted.</summary>
    public int LiveCount { get; }

    /// <summary>Opens the newest valid commit of <paramref name="directory"/> (an empty snapshot when there is none).</summary>
    public static IndexSnapshot Open(IndexDirectory directory)
    {
        var commit = CommitPoint.ReadLatest(directory) ?? CommitPoint.Empty;
        return Open(directory, commit, null);
    }

    /// <summary>A snapshot of the newest commit, or this one when nothing changed.</summary>
    public IndexSnapshot Reopen()
    {
        var commit = CommitPoint.ReadLatest(Directory) ?? CommitPoint.Empty;
        return commit.Generation == Commit.Generation ? this : Open(Directory, commit, this);
    }

    internal static IndexSnapshot Open(IndexDirectory directory, CommitPoint commit, IndexSnapshot? previous)
    {
        var readers = new List<SegmentReader>(commit.Segments.Count);
        foreach (var segment in commit.Segments)
        {
            var reuse = previous?.Segments.FirstOrDefault(r => r.Info.Name == segment.Name && r.DeletesGeneration == segment.DeletesGeneration);
            readers.Add(reuse ?? new SegmentReader(directory, SegmentInfo.Read(directory, segment.Name), segment.DeletesGeneration));
        }

        return new IndexSnapshot(directory, commit, readers);
    }

    /// <summary>The segment holding snapshot-wide document <paramref name="doc"/> and its number there.</summary>
    public (SegmentReader Segment, int Doc) Locate(int doc)
    {
        for (var i = DocBases.Count - 1; i >= 0; i--)
        {
            if (doc >= DocBases[i])
            {
                return (Segments[i], doc - DocBases[i]);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(doc), $"document {doc} is outside the snapshot (0-{MaxDoc - 1})");
    }
}
