using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// The one writer of an index directory (it holds <c>write.lock</c>). Documents go to a RAM
/// buffer, which is flushed to a new immutable segment when it outgrows
/// <see cref="IndexWriterOptions.RamBufferBytes"/> or on <see cref="Flush"/>; nothing is visible
/// to readers or durable until <see cref="Commit"/> writes a new <c>segments_N</c>. Update by id
/// is delete + add: the delete reaches every older document with that id, in the buffer at once
/// and in flushed segments through a new deletes generation written at commit.
/// </summary>
/// <remarks>Not thread-safe: callers serialize writes (the API and CLI hold one writer behind a lock).</remarks>
public sealed class IndexWriter : IDisposable
{
    private readonly IndexWriteLock _lock;
    private readonly IndexWriterOptions _options;
    private readonly List<WriterSegment> _segments = [];
    private SegmentBuffer _buffer;
    private long _segmentCounter;
    private long _generation;
    private bool _disposed;

    private IndexWriter(IndexDirectory directory, IndexSchema schema, IndexWriterOptions options, IndexWriteLock writeLock)
    {
        Directory = directory;
        Schema = schema;
        _options = options;
        _lock = writeLock;
        _buffer = new SegmentBuffer(schema, options.Analyzer);
        var commit = CommitPoint.ReadLatest(directory) ?? CommitPoint.Empty;
        _generation = commit.Generation;
        _segmentCounter = commit.SegmentCounter;
        foreach (var segment in commit.Segments)
        {
            var info = SegmentInfo.Read(directory, segment.Name);
            CheckSchema(info);
            var reader = new SegmentReader(directory, info, segment.DeletesGeneration);
            _segments.Add(new WriterSegment(reader, segment.DeletesGeneration));
        }

        DeleteUnreferencedFiles(commit);
    }

    /// <summary>The index directory.</summary>
    public IndexDirectory Directory { get; }

    /// <summary>The fields documents may have.</summary>
    public IndexSchema Schema { get; }

    /// <summary>True when the lock file of a writer that died was found and taken over.</summary>
    public bool RecoveredStaleLock => _lock.RecoveredStaleLock;

    /// <summary>Live documents, committed or not.</summary>
    public int LiveCount => _segments.Sum(s => s.LiveCount) + _buffer.DocCount - _buffer.DeletedCount;

    /// <summary>Opens a writer on <paramref name="path"/>; throws <see cref="IndexLockedException"/> when another writer is open.</summary>
    public static IndexWriter Open(string path, IndexSchema schema, IndexWriterOptions? options = null)
    {
        var directory = new IndexDirectory(path);
        var writeLock = IndexWriteLock.Acquire(directory);
        try
        {
            return new IndexWriter(directory, schema, options ?? new IndexWriterOptions(), writeLock);
        }
        catch
        {
            writeLock.Dispose();
            throw;
        }
    }

    /// <summary>Adds a document (its id must not be in the index already; use <see cref="UpdateDocument"/> otherwise).</summary>
    public void AddDocument(IndexDocument document)
    {
        ThrowIfDisposed();
        _buffer.Add(document);
        MaybeFlush();
    }

    /// <summary>Replaces every document with <paramref name="id"/> by <paramref name="document"/>, atomically at the next commit.</summary>
    public void UpdateDocument(string id, IndexDocument document)
    {
        ThrowIfDisposed();
        if (document.Get(Schema.IdField) != id)
        {
            throw new ArgumentException($"the document's '{Schema.IdField}' must be '{id}'", nameof(document));
        }

        // Check the new document before deleting the old one, so a bad update loses nothing.
        _buffer.Validate(document);
        DeleteDocument(id);
        _buffer.Add(document);
        MaybeFlush();
    }

    /// <summary>Deletes every document with <paramref name="id"/>; returns how many live ones it found.</summary>
    public int DeleteDocument(string id)
    {
        ThrowIfDisposed();
        var before = _buffer.DeletedCount;
        _buffer.DeleteById(id);
        var deleted = _buffer.DeletedCount - before;
        foreach (var segment in _segments)
        {
            var postings = segment.Reader.Postings(Schema.IdField, id);
            if (postings is null)
            {
                continue;
            }

            for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
            {
                if (segment.Delete(doc))
                {
                    deleted++;
                }
            }
        }

        return deleted;
    }

    /// <summary>Deletes every document; takes effect at the next commit.</summary>
    public void DeleteAll()
    {
        ThrowIfDisposed();
        _segments.Clear();
        _buffer = new SegmentBuffer(Schema, _options.Analyzer);
    }

    /// <summary>Writes the RAM buffer to a new segment (not yet committed).</summary>
    public void Flush()
    {
        ThrowIfDisposed();
        if (_buffer.DocCount == 0)
        {
            return;
        }

        if (_buffer.DocCount > _buffer.DeletedCount)
        {
            var name = IndexFileNames.SegmentName(_segmentCounter++);
            var info = SegmentWriter.Write(Directory, name, _buffer);
            _segments.Add(new WriterSegment(new SegmentReader(Directory, info, 0), 0));
        }

        _buffer = new SegmentBuffer(Schema, _options.Analyzer);
    }

    /// <summary>
    /// Makes everything added, updated and deleted so far durable and visible to new snapshots:
    /// flushes, writes changed deletes, syncs the new files, writes <c>segments_N</c>, then deletes
    /// files no commit refers to. Returns the new commit.
    /// </summary>
    public CommitPoint Commit(IReadOnlyDictionary<string, string>? userData = null)
    {
        ThrowIfDisposed();
        Flush();
        var generation = _generation + 1;
        var entries = new List<CommitPoint.Segment>();
        var newFiles = new List<string>();
        foreach (var segment in _segments)
        {
            if (segment.Dirty)
            {
                segment.WriteDeletes(Directory, generation);
                newFiles.Add(IndexFileNames.DeletesFile(segment.Reader.Info.Name, generation));
            }

            entries.Add(new CommitPoint.Segment(segment.Reader.Info.Name, segment.Reader.MaxDoc, segment.DeletesGeneration, segment.DeletedCount));
        }

        var commit = new CommitPoint(generation, _segmentCounter, entries, userData ?? new Dictionary<string, string>());
        Directory.Sync(commit.Files().Skip(1));
        commit.Write(Directory);
        _generation = generation;
        DeleteUnreferencedFiles(commit);
        return commit;
    }

    /// <summary>Releases the lock. Uncommitted changes are dropped (as after a crash).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _lock.Dispose();
    }

    private void MaybeFlush()
    {
        if (_buffer.RamBytes >= _options.RamBufferBytes)
        {
            Flush();
        }
    }

    private void CheckSchema(SegmentInfo info)
    {
        if (info.Fields.Count != Schema.Fields.Count || !info.Fields.SequenceEqual(Schema.Fields))
        {
            throw new InvalidOperationException(
                $"segment {info.Name} was written with fields ({string.Join(", ", info.Fields.Select(f => $"{f.Name}:{f.Kind}"))}) " +
                $"but the writer's schema has ({string.Join(", ", Schema.Fields.Select(f => $"{f.Name}:{f.Kind}"))}); reindex into an empty directory");
        }
    }

    /// <summary>Deletes files that neither the kept commit nor the writer's uncommitted segments need.</summary>
    private void DeleteUnreferencedFiles(CommitPoint commit)
    {
        var keep = new HashSet<string>(commit.Files(), StringComparer.Ordinal) { IndexWriteLock.FileName };
        var live = new HashSet<string>(_segments.Select(s => s.Reader.Info.Name), StringComparer.Ordinal);
        foreach (var file in Directory.ListAll())
        {
            if (keep.Contains(file))
            {
                continue;
            }

            var segment = IndexFileNames.SegmentOf(file);
            var isIndexFile = segment is not null || file.StartsWith(IndexFileNames.CommitPrefix, StringComparison.Ordinal) || file.StartsWith("pending_", StringComparison.Ordinal);
            if (!isIndexFile)
            {
                continue; // not ours: a README, say
            }

            if (segment is not null && live.Contains(segment) && !file.EndsWith(".del", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.Delete(file);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
