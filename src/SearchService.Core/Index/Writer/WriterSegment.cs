using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Writer;

/// <summary>A flushed segment as the writer tracks it: its reader and the deletes not yet committed.</summary>
internal sealed class WriterSegment
{
    private LiveDocs? _liveDocs;

    public WriterSegment(SegmentReader reader, long deletesGeneration)
    {
        Reader = reader;
        DeletesGeneration = deletesGeneration;
        _liveDocs = reader.LiveDocs;
    }

    public SegmentReader Reader { get; }

    public long DeletesGeneration { get; private set; }

    public bool Dirty { get; private set; }

    public int DeletedCount => _liveDocs?.DeletedCount ?? 0;

    public int LiveCount => Reader.MaxDoc - DeletedCount;

    /// <summary>A copy of the deletes as they are now (a merge starts from it).</summary>
    public LiveDocs? SnapshotLiveDocs() => _liveDocs?.Clone();

    public bool IsDeleted(int doc) => _liveDocs?.IsDeleted(doc) ?? false;

    /// <summary>Marks <paramref name="doc"/> deleted (copy-on-write, so readers of the last commit keep theirs).</summary>
    public bool Delete(int doc)
    {
        if (!Dirty)
        {
            _liveDocs = _liveDocs?.Clone() ?? new LiveDocs(Reader.MaxDoc);
            Dirty = true;
        }

        return _liveDocs!.Delete(doc);
    }

    public void WriteDeletes(IndexDirectory directory, long generation)
    {
        _liveDocs!.Write(directory, Reader.Info.Name, generation);
        DeletesGeneration = generation;
        Dirty = false;
    }
}
