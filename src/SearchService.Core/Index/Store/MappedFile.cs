using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace SearchService.Core.Index.Store;

/// <summary>
/// An index file mapped read-only into memory, so a read is a copy out of the page cache rather
/// than a system call: under a search load the <c>pread</c> calls behind postings and stored
/// fields cost about 6% of the service's processor time (the kernel's file read path), more than
/// the copy they make. Index files are written once and never change or shrink while open, which
/// is what makes a mapping safe to read. Not used on Windows, where a mapped file cannot be
/// deleted and the writer removes files while readers may still have them open.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;
    private readonly long _length;
    private int _disposed;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, long length)
    {
        _map = map;
        _view = view;
        _length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + view.PointerOffset;
    }

    /// <summary>
    /// <paramref name="handle"/>'s first <paramref name="length"/> bytes mapped, or null where
    /// files are not mapped (Windows, an empty file) or the mapping fails (the caller reads with system calls then).
    /// </summary>
    public static MappedFile? TryMap(SafeFileHandle handle, long length)
    {
        if (OperatingSystem.IsWindows() || length <= 0)
        {
            return null;
        }

        MemoryMappedFile? map = null;
        try
        {
            map = MemoryMappedFile.CreateFromFile(handle, null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            return new MappedFile(map, view, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            map?.Dispose();
            return null;
        }
    }

    /// <summary>Copies the bytes at <paramref name="position"/> into <paramref name="into"/>; returns how many there were (fewer at the end of the file).</summary>
    public int Read(Span<byte> into, long position)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var count = (int)Math.Min(into.Length, Math.Max(0, _length - position));
        new ReadOnlySpan<byte>(_start + position, count).CopyTo(into);
        return count;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map.Dispose();
        }
    }
}
