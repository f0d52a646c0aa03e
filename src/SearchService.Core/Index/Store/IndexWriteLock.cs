namespace SearchService.Core.Index.Store;

/// <summary>
/// The one-writer-per-index lock: the file <c>write.lock</c> held open exclusively for the
/// writer's lifetime. The operating system releases the hold when the process ends, however it
/// ends, so a lock left by a killed writer is found free on the next open and taken over
/// (reported as <see cref="RecoveredStaleLock"/>), while a live writer's lock refuses a second
/// writer with a clear message.
/// </summary>
public sealed class IndexWriteLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = "write.lock";

    private readonly FileStream _stream;

    private IndexWriteLock(FileStream stream, bool recovered)
    {
        _stream = stream;
        RecoveredStaleLock = recovered;
    }

    /// <summary>True when a lock file from a writer that is gone was found and taken over.</summary>
    public bool RecoveredStaleLock { get; }

    /// <summary>Takes the lock of <paramref name="directory"/> or throws <see cref="IndexLockedException"/>.</summary>
    public static IndexWriteLock Acquire(IndexDirectory directory)
    {
        var path = Path.Combine(directory.Path, FileName);
        var existed = File.Exists(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IndexLockedException(path, e);
        }

        stream.SetLength(0);
        using (var writer = new StreamWriter(stream, leaveOpen: true))
        {
            writer.Write($"pid={Environment.ProcessId} since={DateTimeOffset.UtcNow:O}\n");
        }

        stream.Flush(flushToDisk: false);
        return new IndexWriteLock(stream, existed);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var path = _stream.Name;
        _stream.Dispose();
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another writer may already hold a new lock of the same name; leaving the file is harmless.
        }
    }
}
