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
/// <remarks>
/// Reference-counted: the opener holds one reference and releases it with <see cref="Dispose"/>;
/// code that hands the snapshot to another thread (a search in flight while a newer snapshot
/// takes over) takes its own with <see cref="Acquire"/>. Segment readers shared between
/// snapshots are counted too, and close their files when the last snapshot using them is gone.
/// </remarks>
public sealed class IndexSnapshot : IDisposable
{
    private int _references = 1;

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
    public static IndexSnapshot Open(IndexDirectory directory) => OpenLatest(directory, null, 0)!;

    /// <summary>
    /// A snapshot of the newest commit, or null when it is still this one's. Unchanged segments
    /// are shared, so this costs only the segments that are new. This snapshot stays valid and is
    /// still to be disposed by its holder.
    /// </summary>
    public IndexSnapshot? Reopen() => OpenLatest(Directory, this, Commit.Generation);

    /// <summary>Takes one more reference (released with <see cref="Dispose"/>); throws when the snapshot is already closed.</summary>
    public IndexSnapshot Acquire()
    {
        if (!TryAcquire())
        {
            throw new ObjectDisposedException(nameof(IndexSnapshot), $"the snapshot of commit {Commit.Generation} is closed");
        }

        return this;
    }

    /// <summary>Takes one more reference unless the snapshot was closed meanwhile (a newer one replaced it): then false.</summary>
    public bool TryAcquire()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Releases one reference; the last one releases the segment readers.</summary>
    public void Dispose()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left == 0)
        {
            foreach (var segment in Segments)
            {
                segment.DecRef();
            }
        }
        else if (left < 0)
        {
            Interlocked.Increment(ref _references);
        }
    }

    /// <summary>
    /// Opens the newest commit (null when its generation is <paramref name="unlessGeneration"/>),
    /// starting over when the writer commits and removes the files of the commit being opened
    /// in between.
    /// </summary>
    private static IndexSnapshot? OpenLatest(IndexDirectory directory, IndexSnapshot? previous, long unlessGeneration)
    {
        for (var attempt = 0; ; attempt++)
        {
            var commit = CommitPoint.ReadLatest(directory) ?? CommitPoint.Empty;
            if (unlessGeneration > 0 && commit.Generation == unlessGeneration)
            {
                return null;
            }

            try
            {
                return Open(directory, commit, previous);
            }
            catch (IOException) when (attempt < CommitPoint.MaxRetries && CommitPoint.NewestGeneration(directory) > commit.Generation)
            {
                // Superseded while opening: take the newer commit.
            }
        }
    }

    internal static IndexSnapshot Open(IndexDirectory directory, CommitPoint commit, IndexSnapshot? previous)
    {
        var readers = new List<SegmentReader>(commit.Segments.Count);
        foreach (var segment in commit.Segments)
        {
            var reuse = previous?.Segments.FirstOrDefault(r => r.Info.Name == segment.Name && r.DeletesGeneration == segment.DeletesGeneration);
            try
            {
                reuse?.IncRef();
                readers.Add(reuse ?? new SegmentReader(directory, SegmentInfo.Read(directory, segment.Name), segment.DeletesGeneration, mapped: true));
            }
            catch
            {
                foreach (var opened in readers)
                {
                    opened.DecRef();
                }

                throw;
            }
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
