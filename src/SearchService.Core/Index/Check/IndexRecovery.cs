using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Check;

/// <summary>
/// The explicit way back from a damaged newest commit: the newest commit that still verifies
/// becomes the index again, and every file it does not need (the damaged commit and the segments
/// only it listed) is moved, not deleted, into a <c>damaged-…</c> folder inside the index folder, so
/// nothing is lost and the files can be examined or restored by hand. Opening an index never does
/// this on its own: a damaged index refuses to open until someone asks for the rollback.
/// </summary>
public static class IndexRecovery
{
    /// <summary>Prefix of the folders the damaged files are moved into.</summary>
    public const string DamagedFolderPrefix = "damaged-";

    /// <summary>
    /// Rolls back to the newest commit that verifies, under the write lock (throws
    /// <see cref="IndexLockedException"/> when a writer is open). When the newest commit verifies
    /// nothing is changed. Throws <see cref="CorruptIndexException"/> when no commit verifies.
    /// </summary>
    public static RollbackResult RollbackToLastGood(IndexDirectory directory)
    {
        using var writeLock = IndexWriteLock.Acquire(directory);
        var commits = CommitPoint.VerifyAll(directory);
        if (commits.Count == 0 || commits[0].Error is null)
        {
            return new RollbackResult(commits.Count == 0 ? 0 : commits[0].Generation, commits.Count == 0 ? 0 : commits[0].Generation, null, []);
        }

        var good = commits.FirstOrDefault(c => c.Error is null);
        if (good.Generation == 0)
        {
            throw new CorruptIndexException(IndexFileNames.CommitFile(commits[0].Generation), $"no commit in the index verifies, so there is nothing to roll back to (newest: {commits[0].Error!.Message})");
        }

        var keep = new HashSet<string>(CommitPoint.ReadVerified(directory, good.Generation).Files(), StringComparer.Ordinal) { IndexWriteLock.FileName };
        var aside = Path.Combine(directory.Path, $"{DamagedFolderPrefix}{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}");
        Directory.CreateDirectory(aside);
        var moved = new List<string>();
        foreach (var name in directory.ListAll())
        {
            if (!keep.Contains(name))
            {
                File.Move(Path.Combine(directory.Path, name), Path.Combine(aside, name));
                moved.Add(name);
            }
        }

        directory.SyncDirectory();
        return new RollbackResult(commits[0].Generation, good.Generation, aside, moved);
    }
}
