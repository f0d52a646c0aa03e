using System.Runtime.InteropServices;

namespace SearchService.Core.Index.Store;

/// <summary>
/// Makes a rename durable: after <c>segments_N</c> is renamed into place the directory entry
/// itself must reach the disk, which on Linux takes an fsync of the directory. .NET has no API
/// for that, so it calls libc; elsewhere (Windows) the rename is already durable once the file is.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;

    /// <summary>
    /// Flushes the directory's entries to the disk where the OS allows it. A failure is an
    /// <see cref="IOException"/>: a commit whose rename may not be on the disk must not be
    /// reported as durable (after a failed fsync the kernel may already have dropped the dirty
    /// pages, so retrying proves nothing).
    /// </summary>
    public static void Fsync(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = Open(path, ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open the index folder {path} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }

        // Both results are read before either is reported, so a failed close never hides the
        // failed fsync that matters more.
        var synced = FileSync(fd) == 0;
        var syncError = synced ? 0 : Marshal.GetLastPInvokeError();
        var closed = Close(fd) == 0;
        if (!synced)
        {
            throw new IOException($"fsync of the index folder {path} failed (errno {syncError}): the last rename may not be durable");
        }

        if (!closed)
        {
            // The entries are on the disk, but a descriptor that does not close is reported: a
            // leak would show up nowhere else.
            throw new IOException($"closing the index folder {path} after its sync failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    // LibraryImport generates the marshalling at compile time (no runtime IL stub, trimming-safe);
    // the path is passed as UTF-8, as Linux file names are.
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int FileSync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Close(int fd);
}
