namespace SearchService.Core.Index.Codec;

/// <summary>
/// VInt/VLong on spans (7 bits a byte, low groups first, high bit on every byte but the last), for
/// the places that encode into memory rather than an <see cref="Store.IndexOutput"/>: stored
/// documents, stored-fields heads and tails, patched-block exceptions.
/// </summary>
public static class VarInt
{
    /// <summary>Writes <paramref name="value"/> (as unsigned) into <paramref name="into"/> (10 bytes suffice); returns the bytes written.</summary>
    public static int Write(ulong value, Span<byte> into)
    {
        var i = 0;
        while (value >= 0x80)
        {
            into[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        into[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads a value at <paramref name="p"/> and moves past it.</summary>
    /// <exception cref="InvalidDataException">More than ten bytes with the high bit set.</exception>
    public static long Read(ReadOnlySpan<byte> bytes, ref int p)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[p++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (long)result;
            }
        }

        throw new InvalidDataException("malformed variable-length number");
    }
}
