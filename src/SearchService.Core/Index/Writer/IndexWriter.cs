using System.Diagnostics;
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
/// <remarks>
/// Not thread-safe: callers serialize writes (the API and CLI hold one writer behind a lock).
/// Merges chosen by <see cref="IndexWriterOptions.MergePolicy"/> run one at a time on a
/// background task that only reads the source segments and writes new files; the merged segment
/// replaces its sources on the caller's thread at the next write call after the task is done,
/// so the segment list is only ever changed by the caller's thread and needs no lock.
/// </remarks>
public sealed class IndexWriter : IDisposable
{
    private readonly IndexWriteLock _lock;
    private readonly IndexWriterOptions _options;
    private readonly List<WriterSegment> _segments = [];
    private SegmentBuffer _buffer;

    /// <summary>The analysis buffers of documents given to the writer unanalyzed (the caller's thread).</summary>
    private AnalyzedDocument? _analyzed;
    private long _segmentCounter;
    private long _generation;
    private CommitPoint _lastCommit;

    /// <summary>The commit before the last one, kept on disk so a damaged last commit can be rolled back (see <see cref="Check.IndexRecovery"/>).</summary>
    private CommitPoint? _previousCommit;

    /// <summary>Set by a force-merge: the next commit rewrote (nearly) every byte, so once its new files verify the commit before it is released (see <see cref="Commit"/>).</summary>
    private bool _releasePreviousOnceVerified;
    private bool _changed;
    private bool _disposed;
    private PendingMerge? _merge;

    /// <summary>
    /// The stored-fields dictionary of this session: made by its first flush from that flush's
    /// first bodies, then given to every later flush and merge, so their segments (and the merges
    /// that copy their chunks) hold one dictionary, not one a flush (at 1M, ~1,700 of 256 KiB each
    /// held by every reader).
    /// </summary>
    private byte[]? _storedDictionary;

    /// <summary>The background merges' write rate, raised while they fall behind; null when they are unbounded.</summary>
    private readonly AdaptiveMergeRate? _mergeRate;

    /// <summary>Segments dropped from the writer whose readers wait for a running merge to finish with them.</summary>
    private readonly List<WriterSegment> _retired = [];

    private IndexWriter(IndexDirectory directory, IndexSchema schema, IndexWriterOptions options, IndexWriteLock writeLock)
    {
        Directory = directory;
        Schema = schema;
        _options = options;
        _lock = writeLock;
        _buffer = new SegmentBuffer(schema);
        _mergeRate = options.MergeWriteMBPerSecond is { } floor ? new AdaptiveMergeRate(floor) : null;
        Statistics.MergeWriteMBPerSecondHighest = _mergeRate?.Floor ?? 0;
        var commit = CommitPoint.ReadLatest(directory) ?? CommitPoint.Empty;
        _generation = commit.Generation;
        _lastCommit = commit;
        _previousCommit = CommitPoint.ReadPrevious(directory, commit.Generation);
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

    /// <summary>Why the last background merge failed, if one did; automatic merges stop after a failure and the source segments stay as they were.</summary>
    public Exception? MergeError { get; private set; }

    /// <summary>Flush and merge counts and times since the writer was opened.</summary>
    public IndexWriterStatistics Statistics { get; } = new();

    /// <summary>Segments the writer holds now (flushed, committed or not).</summary>
    public int SegmentCount => _segments.Count;

    /// <summary>Live documents, committed or not.</summary>
    public int LiveCount => _segments.Sum(s => s.LiveCount) + _buffer.DocCount - _buffer.DeletedCount;

    /// <summary>Opens a writer on <paramref name="path"/>; throws <see cref="IndexLockedException"/> when another writer is open.</summary>
    public static IndexWriter Open(string path, IndexSchema schema, IndexWriterOptions? options = null)
    {
        foreach (var (rate, name) in new[] { (options?.MergeWriteMBPerSecond, nameof(IndexWriterOptions.MergeWriteMBPerSecond)), (options?.ForceMergeWriteMBPerSecond, nameof(IndexWriterOptions.ForceMergeWriteMBPerSecond)) })
        {
            if (rate is <= 0 or double.NaN)
            {
                throw new ArgumentOutOfRangeException(nameof(options), rate, $"{name} must be more than 0 MB/s, or null for no bound");
            }
        }

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

    /// <summary>
    /// Validates <paramref name="document"/> and analyzes its text ahead of the writer; any thread
    /// may call this at any time, so documents can be analyzed on worker threads while one thread
    /// adds them. Throws <see cref="ArgumentException"/> or <see cref="DocumentLimitException"/> for a
    /// document the index cannot take. <paramref name="reuse"/>, an instance the writer has already
    /// taken, saves its buffers.
    /// </summary>
    public AnalyzedDocument Analyze(IndexDocument document, AnalyzedDocument? reuse = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analyzed = reuse is not null && reuse.Schema == Schema && reuse.Analyzer == _options.Analyzer
            ? reuse
            : new AnalyzedDocument(Schema, _options.Analyzer);
        analyzed.Analyze(document);
        return analyzed;
    }

    /// <summary>Adds a document (its id must not be in the index already; use <see cref="UpdateDocument(string, IndexDocument)"/> otherwise).</summary>
    public void AddDocument(IndexDocument document)
    {
        ThrowIfDisposed();
        AddDocument(_analyzed = Analyze(document, _analyzed));
    }

    /// <summary>Adds a document analyzed by <see cref="Analyze"/> (its id must not be in the index already).</summary>
    public void AddDocument(AnalyzedDocument document)
    {
        ThrowIfDisposed();
        CheckAnalyzedHere(document);
        TakeFinishedMerge();
        _buffer.Add(document);
        _changed = true;
        MaybeFlush();
    }

    /// <summary>Replaces every document with <paramref name="id"/> by <paramref name="document"/>, atomically at the next commit.</summary>
    public void UpdateDocument(string id, IndexDocument document)
    {
        ThrowIfDisposed();
        CheckId(id, document);

        // Analysis validates the new document before the old one is deleted, so a bad update loses nothing.
        UpdateDocument(id, _analyzed = Analyze(document, _analyzed));
    }

    /// <summary>Replaces every document with <paramref name="id"/> by <paramref name="document"/>, analyzed by <see cref="Analyze"/>, atomically at the next commit.</summary>
    public void UpdateDocument(string id, AnalyzedDocument document)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(document);
        CheckId(id, document.Document);
        CheckAnalyzedHere(document);
        TakeFinishedMerge();
        DeleteDocument(id);
        _buffer.Add(document);
        _changed = true;
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
                    _changed = true;
                }
            }
        }

        return deleted;
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
            var started = Stopwatch.GetTimestamp();
            var name = IndexFileNames.SegmentName(_segmentCounter++);
            var source = new BufferSegmentSource(_buffer) { StoredDictionary = _storedDictionary };
            var info = SegmentWriter.Write(Directory, name, source);
            _storedDictionary ??= source.StoredDictionary;
            _segments.Add(new WriterSegment(new SegmentReader(Directory, info, 0), 0));
            Statistics.Flushes++;
            Statistics.FlushTime += Stopwatch.GetElapsedTime(started);
        }

        _buffer = new SegmentBuffer(Schema);
        ApplyFinishedMerge(wait: false);
        MaybeStartMerge();
    }

    /// <summary>
    /// Merges segments until at most <paramref name="maxSegments"/> are left (1: one segment, with
    /// no deleted documents), on the caller's thread. Like every change it is visible and durable
    /// only after <see cref="Commit"/>.
    /// </summary>
    public void ForceMerge(int maxSegments)
    {
        ThrowIfDisposed();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        Flush();
        ApplyFinishedMerge(wait: true);
        var policy = _options.MergePolicy ?? new TieredMergePolicy();
        while (policy.FindForcedMerge(Sizes(), maxSegments) is { Count: > 0 } chosen)
        {
            _releasePreviousOnceVerified = true;
            _merge = StartMerge(chosen, background: false);
            if (ApplyFinishedMerge(wait: true) is { } error)
            {
                throw new IOException($"merging {chosen.Count} segments failed; the index is as it was: {error.Message}", error);
            }
        }
    }

    /// <summary>Waits for the running background merge and any it leads to (tests, and before a final commit).</summary>
    public void WaitForMerges()
    {
        ThrowIfDisposed();
        do
        {
            ApplyFinishedMerge(wait: true);
            MaybeStartMerge();
        }
        while (_merge is not null);
    }

    /// <summary>True when something was added, updated, deleted or merged since the last commit.</summary>
    public bool HasUncommittedChanges => _changed || _buffer.DocCount > 0;

    /// <summary>
    /// Makes everything added, updated and deleted so far durable and visible to new snapshots:
    /// flushes, writes changed deletes, syncs the new files, writes <c>segments_N</c>, then deletes
    /// files no commit refers to. Returns the new commit.
    /// </summary>
    /// <remarks>
    /// The commit before is kept on disk, to go back to if this one turns out damaged
    /// (<see cref="Check.IndexRecovery"/>); it mostly shares this one's segments, so it costs little.
    /// After a <see cref="ForceMerge"/> it shares nothing and would double the folder, so then the
    /// files this commit added are read back whole against their checksums once durable, and only
    /// if they verify is the commit before released; if one does not, a
    /// <see cref="CorruptIndexException"/> names it and both commits stay for the rollback.
    /// </remarks>
    public CommitPoint Commit()
    {
        ThrowIfDisposed();
        Flush();
        if (!_changed && _lastCommit.Generation > 0)
        {
            return _lastCommit; // nothing to make durable: no empty commit
        }

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

        var commit = new CommitPoint(generation, _segmentCounter, entries);
        Directory.Sync(commit.Files().Skip(1));
        commit.Write(Directory);
        _generation = generation;
        _previousCommit = _lastCommit.Generation > 0 ? _lastCommit : null;
        _lastCommit = commit;
        _changed = false;
        if (_releasePreviousOnceVerified)
        {
            VerifyAddedFiles(commit, _previousCommit);
            _previousCommit = null;
            _releasePreviousOnceVerified = false;
        }

        DeleteUnreferencedFiles(commit);
        return commit;
    }

    /// <summary>Reads every file of <paramref name="commit"/> that <paramref name="before"/> does not have back against its checksum (throws <see cref="CorruptIndexException"/> naming a file that fails).</summary>
    private void VerifyAddedFiles(CommitPoint commit, CommitPoint? before)
    {
        var old = new HashSet<string>(before?.Files() ?? [], StringComparer.Ordinal);
        foreach (var file in commit.Files().Where(f => !old.Contains(f)))
        {
            using var owner = new InputOwner(Directory.OpenInput(file));
            CodecFile.VerifyChecksum(owner.Input);
        }
    }

    /// <summary>Releases the lock. Uncommitted changes are dropped (as after a crash).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Let a running merge finish before the lock goes, so no later writer cleans up files it is writing.
        try
        {
            _merge?.Task?.Wait();
        }
        catch (AggregateException)
        {
            // Its files are unreferenced and are removed when the index is next opened for writing.
        }

        _merge = null;
        _retired.AddRange(_segments);
        ReleaseRetired();

        _lock.Dispose();
    }

    private void CheckId(string id, IndexDocument document)
    {
        if (document.Get(Schema.IdField) != id)
        {
            throw new ArgumentException($"the document's '{Schema.IdField}' must be '{id}'", nameof(document));
        }
    }

    private void CheckAnalyzedHere(AnalyzedDocument document)
    {
        if (document.Schema != Schema || document.Analyzer != _options.Analyzer)
        {
            throw new ArgumentException("the document was analyzed by another writer (its schema or analyzer differ); analyze it with this writer's Analyze", nameof(document));
        }
    }

    private void MaybeFlush()
    {
        if (_buffer.IsFull || _buffer.RamBytes >= _options.RamBufferBytes)
        {
            Flush();
        }
    }

    private List<(int Live, int MaxDoc)> Sizes() => _segments.ConvertAll(s => (s.LiveCount, s.Reader.MaxDoc));

    /// <summary>
    /// Swaps in a background merge that has finished and starts the next one the policy wants,
    /// so merges do not sit idle until the next flush.
    /// </summary>
    private void TakeFinishedMerge()
    {
        if (_merge is { Task.IsCompleted: true })
        {
            ApplyFinishedMerge(wait: false);
            MaybeStartMerge();
        }
    }

    private void MaybeStartMerge()
    {
        if (MergeError is not null || _options.MergePolicy is not { } policy)
        {
            return;
        }

        if (_merge is { } running)
        {
            // A whole tier waiting behind the running merge: the merges are falling behind the flushes.
            var waiting = _segments.Where(s => !running.Sources.Contains(s)).Select(s => (s.LiveCount, s.Reader.MaxDoc)).ToList();
            if (_mergeRate is not null && policy.FindMerge(waiting).Count > 0)
            {
                _mergeRate.FellBehind();
                Statistics.MergeWriteMBPerSecondHighest = _mergeRate.Highest;
            }

            return;
        }

        var chosen = policy.FindMerge(Sizes());
        if (chosen.Count > 0)
        {
            _merge = StartMerge(chosen, background: true);
        }
        else
        {
            _mergeRate?.KeptUp();
        }
    }

    private PendingMerge StartMerge(IReadOnlyList<int> chosen, bool background)
    {
        var sources = new List<WriterSegment>(chosen.Count);
        foreach (var i in chosen)
        {
            sources.Add(_segments[i]);
        }

        var name = IndexFileNames.SegmentName(_segmentCounter++);
        var source = new MergeSegmentSource(Schema, sources.ConvertAll(s => s.Reader), PendingMerge.LiveDocsOf(sources)) { StoredDictionary = _storedDictionary };
        var merge = new PendingMerge(sources, name, source);
        var limiter = background
            ? _mergeRate?.Limiter
            : _options.ForceMergeWriteMBPerSecond is { } mbPerSecond ? new WriteRateLimiter(mbPerSecond) : null;
        SegmentInfo Write()
        {
            var started = Stopwatch.GetTimestamp();
            var pausedBefore = limiter?.Paused ?? TimeSpan.Zero;
            var info = SegmentWriter.Write(Directory.WithWriteLimit(limiter), name, source);
            Statistics.AddMerge(Stopwatch.GetElapsedTime(started), source.CopiedChunks, source.CompressedChunks, (limiter?.Paused ?? TimeSpan.Zero) - pausedBefore);
            return info;
        }

        merge.Task = background ? Task.Run(Write) : RunNow(Write);
        return merge;
    }

    private static Task<SegmentInfo> RunNow(Func<SegmentInfo> write)
    {
        try
        {
            return Task.FromResult(write());
        }
        catch (Exception e)
        {
            return Task.FromException<SegmentInfo>(e);
        }
    }

    /// <summary>
    /// Swaps a finished merge's segment in for its sources, re-applying the deletes that reached
    /// the sources while it ran; returns the error when the merge failed (its files are removed).
    /// </summary>
    private Exception? ApplyFinishedMerge(bool wait)
    {
        if (_merge is not { } merge || (!wait && !merge.Task!.IsCompleted))
        {
            return null;
        }

        _merge = null;
        SegmentInfo info;
        if (!merge.Task!.IsCompleted)
        {
            var waitStarted = Stopwatch.GetTimestamp();
            ((IAsyncResult)merge.Task).AsyncWaitHandle.WaitOne();
            Statistics.MergeWaitTime += Stopwatch.GetElapsedTime(waitStarted);
        }

        try
        {
            info = merge.Task.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CorruptIndexException or InvalidOperationException)
        {
            ReleaseRetired();
            DeleteSegmentFiles(merge.Name);
            MergeError = e;
            return e;
        }

        var first = _segments.IndexOf(merge.Sources[0]);
        if (merge.Sources.Any(s => !_segments.Contains(s)))
        {
            DeleteSegmentFiles(merge.Name); // a source left the writer meanwhile: the merge is moot
            ReleaseRetired();
            return null;
        }

        var merged = new WriterSegment(new SegmentReader(Directory, info, 0), 0);
        for (var s = 0; s < merge.Sources.Count; s++)
        {
            var map = merge.Source.DocMaps[s];
            for (var doc = 0; doc < map.Length; doc++)
            {
                if (map[doc] >= 0 && merge.Sources[s].IsDeleted(doc))
                {
                    merged.Delete(map[doc]);
                }
            }
        }

        _segments.RemoveAll(merge.Sources.Contains);
        _changed = true;
        _retired.AddRange(merge.Sources);
        ReleaseRetired();
        if (merged.LiveCount > 0)
        {
            _segments.Insert(first, merged);
        }
        else
        {
            DeleteSegmentFiles(merge.Name);
        }

        return null;
    }

    /// <summary>Closes the readers of dropped segments once no merge can still be reading them.</summary>
    private void ReleaseRetired()
    {
        if (_merge is not null)
        {
            return;
        }

        foreach (var segment in _retired)
        {
            segment.Reader.DecRef();
        }

        _retired.Clear();
    }

    private void DeleteSegmentFiles(string segment)
    {
        foreach (var file in Directory.ListAll())
        {
            if (IndexFileNames.SegmentOf(file) == segment)
            {
                Directory.Delete(file);
            }
        }
    }

    private void CheckSchema(SegmentInfo info)
    {
        if (info.Fields.Count != Schema.Fields.Count || !info.Fields.SequenceEqual(Schema.Fields))
        {
            throw new IndexSchemaMismatchException(
                $"segment {info.Name} was written with fields ({string.Join(", ", info.Fields.Select(f => $"{f.Name}:{f.Kind}"))}) " +
                $"but the writer's schema has ({string.Join(", ", Schema.Fields.Select(f => $"{f.Name}:{f.Kind}"))}); reindex into an empty directory");
        }
    }

    /// <summary>Deletes files that neither the kept commit nor the writer's uncommitted segments need.</summary>
    private void DeleteUnreferencedFiles(CommitPoint commit)
    {
        // The commit before this one stays whole too: the one to go back to if this one is damaged.
        var keep = new HashSet<string>(commit.Files().Concat(_previousCommit?.Files() ?? []), StringComparer.Ordinal) { IndexWriteLock.FileName };
        var live = new HashSet<string>(_segments.Select(s => s.Reader.Info.Name), StringComparer.Ordinal);
        if (_merge is not null)
        {
            live.Add(_merge.Name); // being written by the merge task
        }

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
