using System.Buffers.Binary;
using System.Text;

namespace SearchService.Core.Index.Store;

/// <summary>
/// Writes one index file front to back, buffered, keeping a running CRC-32C of every byte so the
/// footer can carry it. Variable-length integers use 7 bits a byte, low bits first (as Lucene's
/// VInt), so small numbers such as doc deltas take one byte.
/// </summary>
public sealed class IndexOutput : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _used;
    private long _flushed;
    private uint _crc;
    private readonly WriteRateLimiter? _limiter;

    internal IndexOutput(string path, string name, WriteRateLimiter? limiter = null)
    {
        Name = name;
        _limiter = limiter;
        _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
    }

    /// <summary>The file's name within its directory.</summary>
    public string Name { get; }

    /// <summary>Bytes written so far: the file pointer of the next byte.</summary>
    public long Position => _flushed + _used;

    /// <summary>The CRC-32C of everything written so far.</summary>
    public uint Checksum
    {
        get
        {
            return Crc32C.Append(_crc, _buffer.AsSpan(0, _used));
        }
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value)
    {
        if (_used == _buffer.Length)
        {
            FlushBuffer();
        }

        _buffer[_used++] = value;
    }

    /// <summary>Writes raw bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_used == _buffer.Length)
            {
                FlushBuffer();
            }

            var n = Math.Min(bytes.Length, _buffer.Length - _used);
            bytes[..n].CopyTo(_buffer.AsSpan(_used));
            _used += n;
            bytes = bytes[n..];
        }
    }

    /// <summary>Writes a 32-bit integer, little-endian.</summary>
    public void WriteInt32(int value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, value);
        WriteBytes(b);
    }

    /// <summary>Writes a 64-bit integer, little-endian.</summary>
    public void WriteInt64(long value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(b, value);
        WriteBytes(b);
    }

    /// <summary>Writes a non-negative int in 1–5 bytes.</summary>
    public void WriteVInt(int value) => WriteVLong((uint)value);

    /// <summary>Writes a non-negative long in 1–10 bytes.</summary>
    public void WriteVLong(long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            WriteByte((byte)(v | 0x80));
            v >>= 7;
        }

        WriteByte((byte)v);
    }

    /// <summary>Writes a signed long zig-zag encoded, so small negatives stay small.</summary>
    public void WriteZLong(long value) => WriteVLong((value << 1) ^ (value >> 63));

    /// <summary>Writes a string as its UTF-8 length (VInt) and bytes.</summary>
    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVInt(count);
        Span<byte> bytes = count <= 512 ? stackalloc byte[count] : new byte[count];
        Encoding.UTF8.GetBytes(value, bytes);
        WriteBytes(bytes);
    }

    /// <summary>Flushes buffered bytes to the OS and optionally to the disk.</summary>
    public void Flush(bool toDisk)
    {
        FlushBuffer();
        _stream.Flush(toDisk);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        FlushBuffer();
        _stream.Dispose();
    }

    private void FlushBuffer()
    {
        if (_used == 0)
        {
            return;
        }

        _crc = Crc32C.Append(_crc, _buffer.AsSpan(0, _used));
        _stream.Write(_buffer, 0, _used);
        _limiter?.Wrote(_used);
        _flushed += _used;
        _used = 0;
    }
}
