using System.Runtime.InteropServices;
using ZstdSharp.Unsafe;

namespace SearchService.Core.Index.Reader;

/// <summary>
/// A stored-fields dictionary digested once for decoding (zstd's DDict, over the dictionary's
/// bytes without copying them) and shared by every thread that reads a chunk compressed over it.
/// Loading a dictionary into a thread's decoder instead copies its 256 KiB and rebuilds its
/// entropy tables, which a page of hits from chunks of different dictionaries (an index merged
/// from many writer sessions) paid for every hit: ~3% of the service's time under load.
/// </summary>
internal sealed unsafe class StoredDictionary : SafeHandle
{
    // The dictionary's bytes, pinned: the digest points into them.
    private readonly GCHandle _bytes;

    /// <summary>Digests <paramref name="bytes"/> (kept pinned until the digest is released).</summary>
    public StoredDictionary(byte[] bytes)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        _bytes = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        var digest = Methods.ZSTD_createDDict_byReference((void*)_bytes.AddrOfPinnedObject(), (nuint)bytes.Length);
        if (digest == null)
        {
            _bytes.Free();
            throw new InvalidDataException("a stored-fields dictionary could not be digested for decoding");
        }

        SetHandle((IntPtr)digest);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The digest, for <see cref="StoredDecoder"/> (valid while this is not released).</summary>
    internal ZSTD_DDict_s* Digest => (ZSTD_DDict_s*)handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        _ = Methods.ZSTD_freeDDict((ZSTD_DDict_s*)handle);
        _bytes.Free();
        return true;
    }
}
