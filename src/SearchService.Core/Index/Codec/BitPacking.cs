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
        var i = 0;
        var p = 0;
        if (bits <= 8 && BitConverter.IsLittleEndian)
        {
            // Eight values of up to 8 bits take exactly `bits` bytes, so one 8-byte read holds a
            // group of them (doc deltas and frequencies mostly: twice as fast as a byte at a time).
            // The bound keeps every read inside the span, so it reads without range checks.
            ref var first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(packed);
            for (; i + 8 <= into.Length && p + 8 <= packed.Length; i += 8, p += bits)
            {
                var word = System.Runtime.CompilerServices.Unsafe.ReadUnaligned<ulong>(ref System.Runtime.CompilerServices.Unsafe.Add(ref first, p));
                into[i] = (int)(word & mask);
                into[i + 1] = (int)((word >> bits) & mask);
                into[i + 2] = (int)((word >> (2 * bits)) & mask);
                into[i + 3] = (int)((word >> (3 * bits)) & mask);
                into[i + 4] = (int)((word >> (4 * bits)) & mask);
                into[i + 5] = (int)((word >> (5 * bits)) & mask);
                into[i + 6] = (int)((word >> (6 * bits)) & mask);
                into[i + 7] = (int)((word >> (7 * bits)) & mask);
            }
        }

        // The rest a byte at a time, from the byte boundary where the groups stopped.
        ulong accumulator = 0;
        var filled = 0;
        for (; i < into.Length; i++)
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
