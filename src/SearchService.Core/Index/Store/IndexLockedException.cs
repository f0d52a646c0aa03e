namespace SearchService.Core.Index.Store;

/// <summary>Another live writer holds the index's <c>write.lock</c>.</summary>
public sealed class IndexLockedException : IOException
{
    /// <summary>Creates the exception for the lock file at <paramref name="lockPath"/>.</summary>
    public IndexLockedException(string lockPath, Exception inner)
        : base($"the index is locked by another writer: '{lockPath}' is held by a running process. Stop that process (or wait for it) and try again.", inner)
    {
        LockPath = lockPath;
    }

    /// <summary>The lock file's path.</summary>
    public string LockPath { get; }
}
