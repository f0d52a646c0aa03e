namespace SearchService.Core.Index.Store;

/// <summary>
/// The folder an index lives in. Files are written once and never changed (segments are
/// immutable); only a commit's <c>segments_N</c> is written under a temporary name, synced and
/// renamed, so a reader sees either the old commit or the new one, never half of one.
/// </summary>
public sealed class IndexDirectory
{
    /// <summary>Opens (and creates if needed) the folder at <paramref name="path"/>.</summary>
    public IndexDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    private IndexDirectory(string path, WriteRateLimiter? limiter)
    {
        Path = path;
        WriteLimiter = limiter;
    }

    /// <summary>What bounds the rate of writes through this view of the folder (null: nothing).</summary>
    public WriteRateLimiter? WriteLimiter { get; }

    /// <summary>The same folder, with every file created through it written at most at <paramref name="limiter"/>'s rate (merges).</summary>
    public IndexDirectory WithWriteLimit(WriteRateLimiter? limiter) => new(Path, limiter);

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Names of the files in the folder.</summary>
    public IReadOnlyList<string> ListAll() =>
        Directory.EnumerateFiles(Path).Select(f => System.IO.Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

    /// <summary>True when the file exists.</summary>
    public bool Exists(string name) => File.Exists(Resolve(name));

    /// <summary>Length of a file in bytes.</summary>
    public long FileLength(string name) => new FileInfo(Resolve(name)).Length;

    /// <summary>Creates a new file; fails if it exists (files are never overwritten).</summary>
    public IndexOutput CreateOutput(string name) => new(Resolve(name), name, WriteLimiter);

    /// <summary>
    /// Opens a file for positional reads; with <paramref name="mapped"/>, through a read-only
    /// memory mapping where the OS allows one (<see cref="MappedFile"/>). Searching readers map
    /// their files (a read is then a copy, not a system call); the writer's readers, which merges
    /// read from start to end, and whole-file checks do not, so the pages a merge passes through
    /// are not counted in the process's resident memory (a forced merge of a 100k index took the
    /// build's peak from ~520 to ~940 MB when they were).
    /// </summary>
    public IndexInput OpenInput(string name, bool mapped = false)
    {
        var path = Resolve(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"index file '{name}' is missing from {Path}", name);
        }

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new IndexInput(name, handle, RandomAccess.GetLength(handle), mapped);
    }

    /// <summary>Forces the named files' contents to the disk; a failure throws (a write that may be lost is never reported durable).</summary>
    public void Sync(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            using var stream = new FileStream(Resolve(name), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Forces the folder's entries (renames, new and moved files) to the disk.</summary>
    public void SyncDirectory() => DirectorySync.Fsync(Path);

    /// <summary>Renames a file atomically (replacing nothing) and makes the rename durable.</summary>
    public void RenameDurably(string from, string to)
    {
        File.Move(Resolve(from), Resolve(to), overwrite: false);
        DirectorySync.Fsync(Path);
    }

    /// <summary>Deletes a file if it is there; a file still open by a reader goes when its last handle closes.</summary>
    public void Delete(string name)
    {
        try
        {
            File.Delete(Resolve(name));
        }
        catch (IOException)
        {
            // Still in use (on systems that refuse to delete open files): the next clean-up retries.
        }
    }

    private string Resolve(string name)
    {
        if (name.Contains('/') || name.Contains('\\') || name is "." or "..")
        {
            throw new ArgumentException($"'{name}' is not a plain file name", nameof(name));
        }

        return System.IO.Path.Combine(Path, name);
    }
}
