using System.Buffers.Binary;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Many growing byte streams in a few big blocks, one stream per term of the RAM buffer: a stream
/// starts as a 5-byte slice and continues in bigger and bigger slices (up to 200 bytes), each full
/// slice ending in the address of the next. A term seen once costs 5 bytes instead of a few
/// objects, the garbage collector sees a handful of 32 KiB arrays instead of millions of small
/// ones, and appending touches only the stream's own bytes.
/// </summary>
/// <remarks>
/// The layout is Lucene's byte slice pool. Addresses are ints (block number × 32 KiB + offset), so
/// a pool holds at most 2 GiB; <see cref="IsNearlyFull"/> tells the writer to flush well before.
/// A slice's unwritten bytes are 0 and its last byte is 16 + its level, so a writer that finds a
/// non-zero byte where it is about to write knows it reached the end of the slice.
/// </remarks>
internal sealed class ByteSlicePool
{
    private const int BlockBits = 15;
    private const int BlockSize = 1 << BlockBits;
    private const int BlockMask = BlockSize - 1;
    private const int MaxBlocks = 48 * 1024; // 1.5 GiB

    private static readonly int[] LevelSizes = [5, 14, 20, 30, 40, 40, 80, 80, 120, 200];
    private static readonly int[] NextLevel = [1, 2, 3, 4, 5, 6, 7, 8, 9, 9];

    private byte[][] _blocks = new byte[16][];
    private int _blockCount;
    private int _offset = BlockSize;

    /// <summary>
    /// Bytes handed out so far: the full blocks and the used part of the last one. The flush
    /// decision counts these, not whole blocks: a RAM budget under one block (32 KiB)
    /// (tests use 30 kB to get many segments) would otherwise flush after every document, one
    /// segment a document, and a reader of that index could run out of file handles.
    /// </summary>
    public long UsedBytes => _blockCount == 0 ? 0 : ((_blockCount - 1) * (long)BlockSize) + _offset;

    /// <summary>True when the pool nears the most its int addresses can reach.</summary>
    public bool IsNearlyFull => _blockCount >= MaxBlocks;

    /// <summary>Starts a new stream; returns its address, where its first byte goes.</summary>
    public int NewStream() => Allocate(0);

    /// <summary>Writes <paramref name="value"/> at <paramref name="address"/>; returns where the stream's next byte goes.</summary>
    public int WriteByte(int address, byte value)
    {
        var block = _blocks[address >> BlockBits];
        var offset = address & BlockMask;
        if (block[offset] != 0)
        {
            address = NextSlice(block, offset);
            block = _blocks[address >> BlockBits];
            offset = address & BlockMask;
        }

        block[offset] = value;
        return address + 1;
    }

    /// <summary>Writes a non-negative int in 1–5 bytes, 7 bits a byte, low bits first; returns the next address.</summary>
    public int WriteVInt(int address, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            address = WriteByte(address, (byte)(v | 0x80));
            v >>= 7;
        }

        return WriteByte(address, (byte)v);
    }

    /// <summary>Writes <paramref name="bytes"/>; returns the next address.</summary>
    public int WriteBytes(int address, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            address = WriteByte(address, b);
        }

        return address;
    }

    /// <summary>A reader of the stream that starts at <paramref name="start"/> and whose next byte would go to <paramref name="end"/>.</summary>
    public Reader Read(int start, int end) => new(this, start, end);

    private int Allocate(int level)
    {
        var size = LevelSizes[level];
        if (_offset + size > BlockSize)
        {
            if (_blockCount == _blocks.Length)
            {
                Array.Resize(ref _blocks, _blocks.Length * 2);
            }

            _blocks[_blockCount++] = new byte[BlockSize];
            _offset = 0;
        }

        var address = ((_blockCount - 1) << BlockBits) | _offset;
        _blocks[_blockCount - 1][_offset + size - 1] = (byte)(16 | level);
        _offset += size;
        return address;
    }

    /// <summary>The slice ending at <paramref name="end"/> is full: continue in a new one, moving its last 3 bytes there to make room for the forward address.</summary>
    private int NextSlice(byte[] block, int end)
    {
        var level = block[end] & 15;
        var next = Allocate(NextLevel[level]);
        var nextBlock = _blocks[next >> BlockBits];
        var nextOffset = next & BlockMask;
        block.AsSpan(end - 3, 3).CopyTo(nextBlock.AsSpan(nextOffset));
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(end - 3, 4), next);
        return next + 3;
    }

    /// <summary>Reads one stream back, following its slices.</summary>
    public struct Reader
    {
        private readonly ByteSlicePool _pool;
        private readonly int _end;
        private int _address;
        private int _limit;
        private int _level;

        internal Reader(ByteSlicePool pool, int start, int end)
        {
            _pool = pool;
            _end = end;
            _address = start;
            _level = 0;
            _limit = LimitOf(start, 0, end);
        }

        /// <summary>True when every byte written has been read.</summary>
        public readonly bool AtEnd => _address == _end;

        /// <summary>The next byte.</summary>
        public byte ReadByte()
        {
            if (_address == _limit)
            {
                var block = _pool._blocks[_limit >> BlockBits];
                _address = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(_limit & BlockMask, 4));
                _level = NextLevel[_level];
                _limit = LimitOf(_address, _level, _end);
            }

            var value = _pool._blocks[_address >> BlockBits][_address & BlockMask];
            _address++;
            return value;
        }

        /// <summary>The next variable-length int.</summary>
        public int ReadVInt()
        {
            var b = ReadByte();
            var value = b & 0x7F;
            for (var shift = 7; b >= 0x80; shift += 7)
            {
                b = ReadByte();
                value |= (b & 0x7F) << shift;
            }

            return value;
        }

        /// <summary>Where the data of the slice at <paramref name="start"/> ends: the stream's end in its last slice, else before the forward address.</summary>
        private static int LimitOf(int start, int level, int end)
        {
            var size = LevelSizes[level];
            return end - start < size && end >= start ? end : start + size - 4;
        }
    }
}
