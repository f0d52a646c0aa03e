namespace SearchService.Core.Index.Codec;

/// <summary>
/// A growable byte array with variable-length integer appends: the RAM buffer keeps each term's
/// positions as VInt deltas, one or two bytes an occurrence instead of four as an int.
/// </summary>
public sealed class ByteList
{
    private byte[] _items;

    /// <summary>Creates an empty list with room for <paramref name="capacity"/> bytes.</summary>
    public ByteList(int capacity = 8)
    {
        _items = new byte[capacity];
    }

    /// <summary>Number of bytes.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the backing array, for RAM accounting.</summary>
    public long CapacityBytes => _items.Length;

    /// <summary>The bytes as a span.</summary>
    public ReadOnlySpan<byte> Span => _items.AsSpan(0, Count);

    /// <summary>Empties the list, keeping its array.</summary>
    public void Clear() => Count = 0;

    /// <summary>Appends <paramref name="bytes"/> as they are.</summary>
    public void AddBytes(ReadOnlySpan<byte> bytes)
    {
        if (_items.Length - Count < bytes.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + bytes.Length));
        }

        bytes.CopyTo(_items.AsSpan(Count));
        Count += bytes.Length;
    }

    /// <summary>Appends a non-negative int in 1–5 bytes, 7 bits a byte, low bits first.</summary>
    public void AddVInt(int value) => AddVLong((uint)value);

    /// <summary>Appends a signed long zig-zag encoded, so small negative values stay short.</summary>
    public void AddZLong(long value) => AddVLong((value << 1) ^ (value >> 63));

    /// <summary>Appends a non-negative long in 1–10 bytes.</summary>
    public void AddVLong(long value)
    {
        if (_items.Length - Count < 10)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, Count + 10));
        }

        var v = (ulong)value;
        while (v >= 0x80)
        {
            _items[Count++] = (byte)(v | 0x80);
            v >>= 7;
        }

        _items[Count++] = (byte)v;
    }

    /// <summary>The position just after the <paramref name="count"/> variable-length integers starting at <paramref name="offset"/>.</summary>
    public int SkipVarInts(int offset, int count)
    {
        for (var i = 0; i < count; i++)
        {
            while ((_items[offset++] & 0x80) != 0)
            {
            }
        }

        return offset;
    }
}
