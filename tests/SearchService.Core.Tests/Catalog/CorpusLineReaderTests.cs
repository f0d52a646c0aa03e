using System.Text;
using SearchService.Core.Catalog;

namespace SearchService.Core.Tests.Catalog;

/// <summary>
/// The corpus reader's bytes must be exactly what reading the file as text lines and encoding
/// each line again gives: the source hashes of indexes built before depend on them.
/// </summary>
public sealed class CorpusLineReaderTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "ss-lines-" + Guid.NewGuid().ToString("N") + ".jsonl");

    public void Dispose() => File.Delete(_file);

    public static TheoryData<string, byte[]> Files() => new()
    {
        { "LF, last line unterminated", Encoding.UTF8.GetBytes("{\"id\":1}\n{\"id\":2}") },
        { "CRLF, lone CR, blank lines", Encoding.UTF8.GetBytes("{\"a\":\"nông thôn\"}\r\n\r\n  \t\n{\"b\":1}\r{\"c\":2}\r\n") },
        { "UTF-8 byte-order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"id\":\"mới\"}\n\n")] },
        { "invalid UTF-8 and an encoded surrogate", [.. "{\"x\":\""u8, 0xC3, 0x28, 0xED, 0xA0, 0x80, .. "\"}\n"u8, 0xE1, (byte)'\n', 0xFF] },
        { "non-ASCII white space only, and before text", Encoding.UTF8.GetBytes("\u00A0\u3000\n\u00A0{\"id\":3}\n\u2028\n") },
        { "UTF-16 with its byte-order mark", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"id\":\"hòa\"}\r\n\r\n{\"id\":5}")] },
        { "only CRs and LFs", Encoding.UTF8.GetBytes("\r\r\n\n\r") },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Lines_are_the_bytes_of_the_text_round_trip_with_the_same_numbers(string what, byte[] content)
    {
        File.WriteAllBytes(_file, content);
        var expected = File.ReadLines(_file)
            .Select((text, index) => (Utf8: string.IsNullOrWhiteSpace(text) ? null : Encoding.UTF8.GetBytes(text), Number: index + 1))
            .ToList();

        // Buffers from 8 bytes up: a line, a CRLF or a character is cut at every place a buffer can end.
        foreach (var bufferSize in new[] { 8, 9, 11, 13, 1 << 20 })
        {
            var lines = CorpusLineReader.Read(_file, bufferSize).ToList();
            Assert.True(expected.Count == lines.Count, $"{what}, buffer {bufferSize}: {lines.Count} lines, expected {expected.Count}");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Number, lines[i].Number);
                Assert.True(
                    expected[i].Utf8 is null ? lines[i].Utf8 is null : lines[i].Utf8 is { } got && got.AsSpan().SequenceEqual(expected[i].Utf8),
                    $"{what}, buffer {bufferSize}, line {i + 1}: [{Show(lines[i].Utf8)}], expected [{Show(expected[i].Utf8)}]");
            }
        }
    }

    [Fact]
    public void A_long_generated_file_reads_as_its_text_lines()
    {
        var random = new Random(12);
        var builder = new StringBuilder();
        string[] pieces = ["{\"id\":", "\"giải phóng\"", "mặt bằng", " ", "\r\n", "\n", "\r", "\u00A0", "}", "ủy", "18-NQ/TU"];
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }

        File.WriteAllText(_file, builder.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var expected = File.ReadLines(_file).Select(t => string.IsNullOrWhiteSpace(t) ? null : Encoding.UTF8.GetBytes(t)).ToList();

        var lines = CorpusLineReader.Read(_file, bufferSize: 97).ToList();

        Assert.Equal(expected.Count, lines.Count);
        Assert.Equal(Enumerable.Range(1, expected.Count), lines.Select(l => l.Number));
        Assert.Equal(expected.Select(Show), lines.Select(l => Show(l.Utf8)));
    }

    private static string Show(byte[]? bytes) => bytes is null ? "blank" : Convert.ToHexString(bytes);
}
