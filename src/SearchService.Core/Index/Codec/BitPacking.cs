namespace SearchService.Core.Index.Codec;

/// <summary>
/// Packs non-negative ints with a fixed number of bits each, low bits first, into bytes: a block
/// of 128 doc deltas that all fit in 5 bits takes 80 bytes instead of 128 or more.
/// </summary>
public static class BitPacking
{
    /// <summary>Bits needed for the largest of <paramref name="values"/> (0 when all are 0).</summary>
    public static int BitsRequired(ReadOnlySpan<int> values)
    {
        var or = 0;
        foreach (var v in values)
        {
            or |= v;
        }

        return or == 0 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)or);
    }

    /// <summary>Bytes that <paramref name="count"/> values of <paramref name="bits"/> bits take.</summary>
    public static int PackedLength(int count, int bits) => ((count * bits) + 7) >> 3;

    /// <summary>Packs <paramref name="values"/> into <paramref name="into"/> (length from <see cref="PackedLength"/>).</summary>
    public static void Pack(ReadOnlySpan<int> values, int bits, Span<byte> into)
    {
        ulong accumulator = 0;
        var filled = 0;
        var o = 0;
        foreach (var v in values)
        {
            accumulator |= (ulong)(uint)v << filled;
            filled += bits;
            while (filled >= 8)
            {
                into[o++] = (byte)accumulator;
                accumulator >>= 8;
                filled -= 8;
            }
        }

        if (filled > 0)
        {
            into[o] = (byte)accumulator;
        }
    }

    /// <summary>Unpacks <paramref name="into"/>.Length values of <paramref name="bits"/> bits.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int bits, Span<int> into)
    {
        if (bits == 0)
        {
            into.Clear();
            return;
        }

        var mask = (1UL << bits) - 1;
        ulong accumulator = 0;
        var filled = 0;
        var p = 0;
        for (var i = 0; i < into.Length; i++)
        {
            while (filled < bits)
            {
                accumulator |= (ulong)packed[p++] << filled;
                filled += 8;
            }

            into[i] = (int)(accumulator & mask);
            accumulator >>= bits;
            filled -= bits;
        }
    }
}
