namespace SearchService.Core.Documents.Readers;

/// <summary>
/// A read-only stream over another that refuses to yield more than a set number of bytes: the
/// guard against a compressed part that expands without end (a zip bomb). Past the limit it throws
/// <see cref="DocumentReadException"/> naming the file and the part.
/// </summary>
internal sealed class BoundedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly string _path;
    private readonly string _part;
    private long _read;

    public BoundedStream(Stream inner, long limit, string path, string part)
    {
        _inner = inner;
        _limit = limit;
        _path = path;
        _part = part;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        _read += n;
        if (_read > _limit)
        {
            throw new DocumentReadException(_path, $"part '{_part}' expands to more than {_limit / (1024 * 1024)} MiB; refused as a compression bomb");
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
