using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SearchService.Core.Index.Store;

/// <summary>
/// Reads an index file at any position, with a small buffer of its own filled by copies out of
/// the file mapped into memory (<see cref="MappedFile"/>; positional reads, <see cref="RandomAccess"/>,
/// where files are not mapped): the file is never loaded whole, the OS page cache does the
/// caching, and clones share the handle but not the position, so many threads can read one file.
/// </summary>
public sealed class IndexInput
{
    private readonly SafeFileHandle _handle;
    private readonly MappedFile? _mapped;
    private const int FirstBufferSize = 512;
    private readonly int _maxBufferSize;
    private byte[] _buffer = [];
    private long _bufferStart;
    private int _bufferLength;
    private long _position;

    internal IndexInput(string name, SafeFileHandle handle, long length, bool mapped, int bufferSize = 8192)
        : this(name, handle, mapped ? MappedFile.TryMap(handle, length) : null, length, bufferSize)
    {
    }

    private IndexInput(string name, SafeFileHandle handle, MappedFile? mapped, long length, int bufferSize)
    {
        Name = name;
        _handle = handle;
        _mapped = mapped;
        Length = length;
        _maxBufferSize = bufferSize;
    }

    /// <summary>The file's name within its directory.</summary>
    public string Name { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Length { get; }

    /// <summary>The file pointer of the next byte read.</summary>
    public long Position
    {
        get => _position;
        set
        {
            if (value < 0 || value > Length)
            {
                throw new CorruptIndexException(Name, $"seek to {value} outside the file (length {Length})");
            }

            _position = value;
        }
    }

    /// <summary>Closes the file for this input and every clone of it (only the input's owner calls this, once no clone is in use).</summary>
    internal void CloseFile()
    {
        _mapped?.Dispose();
        _handle.Dispose();
    }

    /// <summary>A reader of the same file with its own position and buffer.</summary>
    public IndexInput Clone() => new(Name, _handle, _mapped, Length, _maxBufferSize) { _position = _position };

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        var offset = _position - _bufferStart;
        if (offset < 0 || offset >= _bufferLength)
        {
            Fill();
            offset = 0;
        }

        _position++;
        return _buffer[offset];
    }

    /// <summary>Reads exactly <paramref name="into"/>.Length bytes.</summary>
    public void ReadBytes(Span<byte> into)
    {
        if (_position + into.Length > Length)
        {
            throw new CorruptIndexException(Name, $"read of {into.Length} bytes at {_position} past the end (length {Length})");
        }

        var offset = _position - _bufferStart;
        if (offset >= 0 && offset + into.Length <= _bufferLength)
        {
            _buffer.AsSpan((int)offset, into.Length).CopyTo(into);
            _position += into.Length;
            return;
        }

        if (into.Length >= _maxBufferSize)
        {
            var read = 0;
            while (read < into.Length)
            {
                var n = ReadAt(into[read..], _position + read);
                if (n <= 0)
                {
                    throw new CorruptIndexException(Name, $"unexpected end of file at {_position + read}");
                }

                read += n;
            }

            _position += into.Length;
            return;
        }

        for (var i = 0; i < into.Length; i++)
        {
            into[i] = ReadByte();
        }
    }

    /// <summary>Reads a little-endian 32-bit integer.</summary>
    public int ReadInt32()
    {
        Span<byte> b = stackalloc byte[4];
        ReadBytes(b);
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    /// <summary>Reads a little-endian 64-bit integer.</summary>
    public long ReadInt64()
    {
        Span<byte> b = stackalloc byte[8];
        ReadBytes(b);
        return BinaryPrimitives.ReadInt64LittleEndian(b);
    }

    /// <summary>Reads an int written by <see cref="IndexOutput.WriteVInt"/>.</summary>
    public int ReadVInt()
    {
        // Fast path: the whole value in the buffer (positions and doc deltas are mostly one byte).
        var offset = _position - _bufferStart;
        if (offset >= 0 && offset + 5 <= _bufferLength)
        {
            var i = (int)offset;
            var b = _buffer[i];
            if (b < 0x80)
            {
                _position++;
                return b;
            }

            var result = b & 0x7F;
            for (var shift = 7; shift < 35; shift += 7)
            {
                b = _buffer[++i];
                result |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    _position = _bufferStart + i + 1;
                    if (result < 0)
                    {
                        break;
                    }

                    return result;
                }
            }

            throw new CorruptIndexException(Name, $"variable-length int out of range at {_position}");
        }

        var value = ReadVLong();
        if (value is < 0 or > int.MaxValue)
        {
            throw new CorruptIndexException(Name, $"variable-length int out of range at {_position}");
        }

        return (int)value;
    }

    /// <summary>Reads a long written by <see cref="IndexOutput.WriteVLong"/>.</summary>
    public long ReadVLong()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (long)result;
            }
        }

        throw new CorruptIndexException(Name, $"malformed variable-length long before {_position}");
    }

    /// <summary>Reads a zig-zag encoded long.</summary>
    public long ReadZLong()
    {
        var v = (ulong)ReadVLong();
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    /// <summary>Reads a string written by <see cref="IndexOutput.WriteString"/>.</summary>
    public string ReadString()
    {
        var count = ReadVInt();
        if (count > Length - _position)
        {
            throw new CorruptIndexException(Name, $"string of {count} bytes at {_position} runs past the end");
        }

        Span<byte> bytes = count <= 512 ? stackalloc byte[count] : new byte[count];
        ReadBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    private void Fill()
    {
        if (_position >= Length)
        {
            throw new CorruptIndexException(Name, $"unexpected end of file at {_position}");
        }

        // A clone starts with no buffer and grows one as it reads on: most clones read one term's
        // postings, tens of bytes, and zeroing 8 KiB for each was a tenth of a merge's time.
        if (_buffer.Length < _maxBufferSize)
        {
            _buffer = new byte[_buffer.Length == 0 ? Math.Min(FirstBufferSize, _maxBufferSize) : Math.Min(_buffer.Length * 4, _maxBufferSize)];
        }

        var n = ReadAt(_buffer.AsSpan(0, (int)Math.Min(_buffer.Length, Length - _position)), _position);
        if (n <= 0)
        {
            throw new CorruptIndexException(Name, $"unexpected end of file at {_position}");
        }

        _bufferStart = _position;
        _bufferLength = n;
    }

    private int ReadAt(Span<byte> into, long position) => _mapped is { } mapped ? mapped.Read(into, position) : RandomAccess.Read(_handle, into, position);
}
