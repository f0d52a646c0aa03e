using System.Text;
using System.Text.Unicode;

namespace SearchService.Core.Catalog;

/// <summary>
/// The lines of a corpus file as their UTF-8 bytes, numbered from 1, without the round trip a
/// line read as text takes (bytes decoded to UTF-16 by the reader, then encoded again to hash
/// and parse them). It gives exactly the bytes that round trip gives, so the source hashes kept
/// in an index stay the same: lines end at <c>\n</c>, <c>\r</c> or <c>\r\n</c>
/// (<see cref="StreamReader.ReadLine"/>'s rule), a UTF-8 byte-order mark is skipped, and a line
/// that is not valid UTF-8 takes the round trip (each bad sequence becomes U+FFFD's bytes).
/// </summary>
/// <remarks>
/// A file that starts with a UTF-16 or UTF-32 byte-order mark is read as text as before. Blank
/// lines (only white space) come back as <c>null</c> bytes, so line numbers still count them.
/// </remarks>
internal static class CorpusLineReader
{
    /// <summary>Each line of <paramref name="path"/>: its number and bytes (null for a blank line).</summary>
    public static IEnumerable<(byte[]? Utf8, int Number)> Read(string path, int bufferSize = 1 << 20)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Max(bufferSize, 8)];
        var filled = Fill(stream, buffer, 0);
        var start = 0;
        if (HasOtherByteOrderMark(buffer.AsSpan(0, filled)))
        {
            stream.Dispose();
            foreach (var (text, index) in File.ReadLines(path).Select((text, index) => (text, index)))
            {
                yield return (string.IsNullOrWhiteSpace(text) ? null : Encoding.UTF8.GetBytes(text), index + 1);
            }

            yield break;
        }

        if (filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            start = 3;
        }

        var number = 0;
        var pending = new MemoryStream(); // a line that runs past the buffer
        var skipLineFeed = false; // the last line ended at '\r': a '\n' right after it belongs to it
        while (filled > 0)
        {
            var span = buffer.AsSpan(start, filled - start);
            if (skipLineFeed && span.Length > 0)
            {
                skipLineFeed = false;
                if (span[0] == (byte)'\n')
                {
                    start++;
                    continue;
                }
            }

            var end = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0)
            {
                pending.Write(span);
                filled = Fill(stream, buffer, 0);
                start = 0;
                continue;
            }

            byte[] line;
            if (pending.Length > 0)
            {
                pending.Write(span[..end]);
                line = pending.ToArray();
                pending.SetLength(0);
            }
            else
            {
                line = span[..end].ToArray();
            }

            skipLineFeed = span[end] == (byte)'\r';
            start += end + 1;
            yield return (Finish(line), ++number);
        }

        if (pending.Length > 0)
        {
            yield return (Finish(pending.ToArray()), ++number);
        }
    }

    /// <summary>The line's bytes as the text round trip gives them, or null when it is blank.</summary>
    private static byte[]? Finish(byte[] line)
    {
        if (!Utf8.IsValid(line))
        {
            var text = Encoding.UTF8.GetString(line);
            return string.IsNullOrWhiteSpace(text) ? null : Encoding.UTF8.GetBytes(text);
        }

        foreach (var b in line)
        {
            if (b is (byte)' ' or >= (byte)'\t' and <= (byte)'\r')
            {
                continue;
            }

            // Plain ASCII that is not white space: the usual first byte of a line ('{').
            return b < 0x80 || !string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line)) ? line : null;
        }

        return null;
    }

    private static bool HasOtherByteOrderMark(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// <summary>Reads until <paramref name="buffer"/> is full from <paramref name="at"/> or the file ends; returns the bytes now in it.</summary>
    private static int Fill(Stream stream, byte[] buffer, int at)
    {
        while (at < buffer.Length)
        {
            var read = stream.Read(buffer, at, buffer.Length - at);
            if (read == 0)
            {
                break;
            }

            at += read;
        }

        return at;
    }
}
