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

        try
        {
            if (FileSync(fd) != 0)
            {
                throw new IOException($"fsync of the index folder {path} failed (errno {Marshal.GetLastPInvokeError()}): the last rename may not be durable");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Open(string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int FileSync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Close(int fd);
}
