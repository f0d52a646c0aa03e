using SearchService.Api.Configuration;
using SearchService.Core.Catalog;
using SearchService.Core.Documents.Readers;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;
using Microsoft.Extensions.Options;

namespace SearchService.Api.Hosting;

/// <summary>
/// The service's one index: the writer (the service is the index's only writer while it runs),
/// and the current snapshot every read uses. Writes are serialized, committed before they
/// return (durable when the response is sent) and published as a new snapshot at once (visible
/// to the next search). Reads take a reference on the snapshot so a newer one can replace it
/// while they run.
/// </summary>
public sealed class IndexHost : IDisposable
{
    private readonly IndexWriter _writer;
    private readonly ConclusionIngestor _ingestor;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly ILogger<IndexHost> _logger;
    private IndexSnapshot _current;

    /// <summary>Opens (or creates) the configured index; throws when it is locked or damaged.</summary>
    public IndexHost(IOptions<SearchServiceOptions> options, ILogger<IndexHost> logger)
    {
        _logger = logger;
        var path = Path.GetFullPath(options.Value.IndexPath);
        if (options.Value.RollbackToLastGood && Directory.Exists(path))
        {
            // Asked for explicitly: a damaged newest commit is set aside (never deleted) before opening.
            var rollback = IndexRecovery.RollbackToLastGood(new IndexDirectory(path));
            if (rollback.RolledBack)
            {
                logger.LogWarning(
                    "Rolled the index in {Path} back from commit {Newest} to commit {Restored}, the newest that verifies; {Count} file(s) moved to {Folder}",
                    path, rollback.NewestGeneration, rollback.RestoredGeneration, rollback.MovedFiles.Count, rollback.DamagedFolder);
            }
        }

        _writer = IndexWriter.Open(path, ConclusionFields.Schema);
        try
        {
            if (_writer.RecoveredStaleLock)
            {
                logger.LogWarning("A lock left by a writer that died was found in {Path} and taken over; the last commit is intact", path);
            }

            _ingestor = new ConclusionIngestor(_writer);
            _current = IndexSnapshot.Open(_writer.Directory);
            IndexPath = path;
        }
        catch
        {
            _writer.Dispose();
            throw;
        }
    }

    /// <summary>The index folder, absolute.</summary>
    public string IndexPath { get; }

    /// <summary>Live documents in the current snapshot.</summary>
    public int Documents => Volatile.Read(ref _current).LiveCount;

    /// <summary>
    /// The current snapshot with a reference taken for the caller, who disposes it when done.
    /// </summary>
    public IndexSnapshot Acquire()
    {
        while (true)
        {
            var snapshot = Volatile.Read(ref _current);
            if (snapshot.TryAcquire())
            {
                return snapshot;
            }

            // Replaced and closed between the read and the acquire: take the newer one.
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> alone against the ingestor and writer, then commits and
    /// publishes a new snapshot. Nothing is committed when the change throws.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<ConclusionIngestor, T> change, CancellationToken cancellationToken = default)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var result = change(_ingestor);
            if (_writer.HasUncommittedChanges)
            {
                _writer.Commit();
                Publish();
            }

            return result;
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>Indexes the documents of <paramref name="folder"/> when the index holds none (first start); returns how many were added.</summary>
    public async Task<int> IndexSamplesIfEmptyAsync(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || Documents > 0 || _writer.LiveCount > 0)
        {
            return 0;
        }

        if (!Directory.Exists(folder))
        {
            _logger.LogWarning("The samples folder {Folder} does not exist; starting with an empty index", Path.GetFullPath(folder));
            return 0;
        }

        var files = DocumentFiles.Under(folder, new DocumentReaders().CanRead).ToList();
        var added = await WriteAsync(ingestor =>
        {
            var count = 0;
            foreach (var file in files)
            {
                var outcome = ingestor.IngestFile(file);
                if (outcome.Status == IngestStatus.Failed)
                {
                    _logger.LogWarning("Sample {File} was not indexed: {Error}", file, outcome.Error);
                }
                else
                {
                    count++;
                }
            }

            return count;
        });
        _logger.LogInformation("First start: indexed {Count} sample documents from {Folder}", added, Path.GetFullPath(folder));
        return added;
    }

    /// <summary>Releases the snapshot and the writer (and its lock).</summary>
    public void Dispose()
    {
        Volatile.Read(ref _current).Dispose();
        _writer.Dispose();
        _writes.Dispose();
    }

    private void Publish()
    {
        var old = Volatile.Read(ref _current);
        if (old.Reopen() is { } newer)
        {
            Volatile.Write(ref _current, newer);
            old.Dispose(); // the host's reference; searches still holding one keep it open
        }
    }
}
