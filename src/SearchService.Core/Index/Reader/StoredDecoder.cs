using System.Runtime.InteropServices;
using ZstdSharp.Unsafe;

namespace SearchService.Core.Index.Reader;

/// <summary>
/// A thread's zstd decoding context for stored-fields frames, used with a shared
/// <see cref="StoredDictionary"/> (or none) per frame, so switching dictionaries costs nothing.
/// </summary>
internal sealed unsafe class StoredDecoder : SafeHandle
{
    /// <summary>A new context.</summary>
    public StoredDecoder()
        : base(IntPtr.Zero, ownsHandle: true)
    {
        var context = Methods.ZSTD_createDCtx();
        if (context == null)
        {
            throw new OutOfMemoryException("no memory for a zstd decoding context");
        }

        SetHandle((IntPtr)context);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>
    /// Decodes the zstd frame <paramref name="compressed"/>, compressed over
    /// <paramref name="dictionary"/> (null: none), into exactly <paramref name="output"/>; false
    /// when it is damaged, needs another dictionary or is of another length.
    /// </summary>
    public bool TryDecode(StoredDictionary? dictionary, ReadOnlySpan<byte> compressed, Span<byte> output)
    {
        var added = false;
        try
        {
            dictionary?.DangerousAddRef(ref added);
            fixed (byte* source = compressed)
            fixed (byte* target = output)
            {
                var written = Methods.ZSTD_decompress_usingDDict(
                    (ZSTD_DCtx_s*)handle, target, (nuint)output.Length, source, (nuint)compressed.Length, dictionary is null ? null : dictionary.Digest);
                return !Methods.ZSTD_isError(written) && written == (nuint)output.Length;
            }
        }
        finally
        {
            if (added)
            {
                dictionary!.DangerousRelease();
            }
        }
    }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        _ = Methods.ZSTD_freeDCtx((ZSTD_DCtx_s*)handle);
        return true;
    }
}
