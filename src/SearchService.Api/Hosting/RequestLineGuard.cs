using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace SearchService.Api.Hosting;

/// <summary>
/// Sits between the socket and Kestrel's HTTP/1.1 parser, which refuses some request lines with an
/// empty 400 before any middleware could answer (the answer is not customisable there). Bytes
/// outside printable ASCII in a request target (raw UTF-8 typed into a query string, say) are
/// percent-encoded, as a browser does, so the request goes on and means what it says; a target
/// whose path holds an encoded NUL (<c>%00</c>, which Kestrel refuses) is sent on as a request to
/// <see cref="RejectedPath"/>, where <see cref="RejectedRequests"/> answers a ProblemDetails naming
/// the parameter. A request line longer than Kestrel accepts (a long query in a GET) is sent on
/// the same way, answered by a 414 ProblemDetails that points to <c>POST /api/search</c> instead of
/// Kestrel's empty 414. Everything else passes through untouched: the guard follows the framing
/// (headers, Content-Length bodies) only to find the next request line, and stops looking at a
/// connection whose framing it does not follow (chunked bodies, upgrades, HTTP/2, TLS).
/// </summary>
internal sealed class RequestLineGuard
{
    /// <summary>Where a refused request line is sent on, with <c>parameter</c> in its query.</summary>
    public const string RejectedPath = "/.request-line-refused";

    /// <summary>The longest header line the guard reads whole; a longer one is left to Kestrel's limits.</summary>
    private const int MaxLine = 96 * 1024;

    private readonly ConnectionDelegate _next;
    private readonly int _maxRequestLine;

    /// <summary>A guard in front of <paramref name="next"/>, which refuses request lines over <paramref name="maxRequestLine"/> bytes.</summary>
    public RequestLineGuard(ConnectionDelegate next, int maxRequestLine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRequestLine, 16);
        _next = next;
        _maxRequestLine = maxRequestLine;
    }

    /// <summary>Runs the connection through the guard.</summary>
    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var original = connection.Transport;
        var inner = new Pipe();
        connection.Transport = new Duplex(inner.Reader, original.Output);
        var pump = PumpAsync(original.Input, inner.Writer, _maxRequestLine);
        try
        {
            await _next(connection);
        }
        finally
        {
            original.Input.CancelPendingRead();
            await pump;
            connection.Transport = original;
        }
    }

    /// <summary>The request target with bytes outside printable ASCII percent-encoded, or the rejected path when its path holds %00.</summary>
    internal static byte[] Rewrite(ReadOnlySpan<byte> line)
    {
        var firstSpace = line.IndexOf((byte)' ');
        var lastSpace = line.LastIndexOf((byte)' ');
        if (firstSpace < 0 || lastSpace <= firstSpace)
        {
            return line.ToArray();
        }

        var target = line[(firstSpace + 1)..lastSpace];
        var query = target.IndexOf((byte)'?');
        var path = query < 0 ? target : target[..query];
        if (path.IndexOf("%00"u8) >= 0 || path.IndexOf((byte)0) >= 0)
        {
            var parameter = path.StartsWith("/api/documents/"u8) ? "id" : "path";
            return [.. line[..(firstSpace + 1)], .. Encoding.ASCII.GetBytes($"{RejectedPath}?parameter={parameter}"), .. line[lastSpace..]];
        }

        var result = new List<byte>(line.Length + 16);
        result.AddRange(line[..(firstSpace + 1)]);
        foreach (var b in target)
        {
            if (b is > 0x20 and < 0x7F)
            {
                result.Add(b);
            }
            else
            {
                result.Add((byte)'%');
                result.Add((byte)"0123456789ABCDEF"[b >> 4]);
                result.Add((byte)"0123456789ABCDEF"[b & 15]);
            }
        }

        result.AddRange(line[lastSpace..]);
        return [.. result];
    }

    /// <summary>The request line sent on in place of one too long for Kestrel: same method, the refused path.</summary>
    internal static byte[] TooLong(ReadOnlySpan<byte> start)
    {
        var space = start.IndexOf((byte)' ');
        var method = space is > 0 and <= 16 ? start[..space] : "GET"u8;
        return [.. method, .. Encoding.ASCII.GetBytes($" {RejectedPath}?parameter=url&reason=too-long HTTP/1.1")];
    }

    private static async Task PumpAsync(PipeReader source, PipeWriter destination, int maxRequestLine)
    {
        var framing = new Framing(maxRequestLine);
        try
        {
            while (true)
            {
                var read = await source.ReadAsync();
                if (read.IsCanceled)
                {
                    break;
                }

                var buffer = read.Buffer;
                var consumed = framing.Process(ref buffer, destination, read.IsCompleted);
                source.AdvanceTo(consumed, buffer.End);
                var flushed = await destination.FlushAsync();
                if (read.IsCompleted || flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ConnectionResetException or OperationCanceledException or InvalidOperationException)
        {
            await destination.CompleteAsync(e);
            return;
        }

        await destination.CompleteAsync();
    }

    /// <summary>Where in the HTTP/1.1 stream the guard is.</summary>
    private sealed class Framing(int maxRequestLine)
    {
        private State _state = State.RequestLine;
        private long _bodyLeft;
        private long _contentLength;
        private bool _untracked;

        private enum State
        {
            RequestLine,
            Headers,
            Body,
            SkipLine,
            PassThrough,
        }

        /// <summary>Copies what it can of <paramref name="buffer"/> on; returns how far it consumed.</summary>
        public SequencePosition Process(ref ReadOnlySequence<byte> buffer, PipeWriter destination, bool completed)
        {
            var reader = new SequenceReader<byte>(buffer);
            while (!reader.End)
            {
                switch (_state)
                {
                    case State.PassThrough:
                        Copy(reader.UnreadSequence, destination);
                        reader.Advance(reader.Remaining);
                        break;
                    case State.Body:
                        var take = Math.Min(_bodyLeft, reader.Remaining);
                        Copy(reader.UnreadSequence.Slice(0, take), destination);
                        reader.Advance(take);
                        _bodyLeft -= take;
                        if (_bodyLeft == 0)
                        {
                            _state = State.RequestLine;
                        }

                        break;
                    case State.SkipLine:
                        // The rest of a request line already replaced by the refused one.
                        if (reader.TryAdvanceTo((byte)'\n', advancePastDelimiter: true))
                        {
                            StartHeaders();
                        }
                        else
                        {
                            reader.Advance(reader.Remaining);
                        }

                        break;
                    default:
                        if (_state == State.RequestLine && reader.TryPeek(out var first) && first is not ((>= (byte)'A' and <= (byte)'Z') or (byte)'\r' or (byte)'\n'))
                        {
                            // Not an HTTP/1.1 request line (a TLS handshake, say): decided on the first
                            // byte, since such bytes may hold no line end to wait for.
                            _state = State.PassThrough;
                            continue;
                        }

                        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n', advancePastDelimiter: true))
                        {
                            if (_state == State.RequestLine && reader.Remaining > maxRequestLine && !completed)
                            {
                                destination.Write(TooLong(reader.UnreadSpan));
                                destination.Write("\r\n"u8);
                                reader.Advance(reader.Remaining);
                                _state = State.SkipLine;
                                continue;
                            }

                            if (reader.Remaining > MaxLine || completed)
                            {
                                _state = State.PassThrough; // Kestrel's own limits answer a line this long
                                continue;
                            }

                            return reader.Position;
                        }

                        Line(line.IsSingleSegment ? line.FirstSpan : line.ToArray(), destination);
                        break;
                }
            }

            return reader.Position;
        }

        private void Line(ReadOnlySpan<byte> line, PipeWriter destination)
        {
            if (_state == State.RequestLine)
            {
                var text = line.TrimEnd("\r"u8);
                if (text.IsEmpty)
                {
                    destination.Write(line); // blank lines between requests are allowed
                    destination.Write("\n"u8);
                    return;
                }

                if (text.StartsWith("PRI * "u8) || text.Length == 0 || text[0] is < (byte)'A' or > (byte)'Z')
                {
                    _state = State.PassThrough; // HTTP/2 prior knowledge, TLS, or not HTTP at all
                    destination.Write(line);
                    destination.Write("\n"u8);
                    return;
                }

                destination.Write(text.Length > maxRequestLine ? TooLong(text) : Rewrite(text));
                destination.Write("\r\n"u8);
                StartHeaders();
                return;
            }

            destination.Write(line);
            destination.Write("\n"u8);
            var header = line.TrimEnd("\r"u8);
            if (header.IsEmpty)
            {
                _state = _untracked ? State.PassThrough : _contentLength > 0 ? State.Body : State.RequestLine;
                _bodyLeft = _contentLength;
                return;
            }

            var colon = header.IndexOf((byte)':');
            if (colon <= 0)
            {
                return;
            }

            var name = Encoding.ASCII.GetString(header[..colon]).Trim();
            var value = Encoding.ASCII.GetString(header[(colon + 1)..]).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _contentLength))
                {
                    _untracked = true;
                }
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
            {
                _untracked = true;
            }
        }

        private void StartHeaders()
        {
            _state = State.Headers;
            _contentLength = 0;
            _untracked = false;
        }

        private static void Copy(ReadOnlySequence<byte> bytes, PipeWriter destination)
        {
            foreach (var segment in bytes)
            {
                destination.Write(segment.Span);
            }
        }
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
