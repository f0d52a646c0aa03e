using System.Text;
using SearchService.Core.Index.Codec;

namespace SearchService.Core.Tests.Index.Codec;

/// <summary>
/// A document's large stored strings (bodies) moved to its tail read back as the text that was
/// stored: accented Vietnamese, characters outside the basic plane, and bytes that are not UTF-8
/// at all (a damaged file) turned into U+FFFD exactly as the .NET UTF-8 decoder turns them.
/// </summary>
public sealed class StoredFieldsLayoutTests
{
    [Fact]
    public void A_large_string_reads_back_as_its_text_and_broken_bytes_as_the_utf8_decoder_reads_them()
    {
        var text = string.Concat(Enumerable.Repeat("Kết luận của Ban Thường vụ Tỉnh ủy về phòng, chống thiên tai 𝔸 ", 30));
        var valid = Encoding.UTF8.GetBytes(text);
        Assert.Equal(text, ReadBack(valid));

        // A lone continuation byte, a sequence cut short, an overlong form and a surrogate's encoding.
        byte[][] broken = [[0x80], [0xE1, 0xBA], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]];
        foreach (var bad in broken)
        {
            var bytes = valid[..700].Concat(bad).Concat(valid[700..1500]).ToArray();
            Assert.Equal(Encoding.UTF8.GetString(bytes), ReadBack(bytes));
        }
    }

    /// <summary>A document of one string value, split as the writer splits it and read with its tail.</summary>
    private static string ReadBack(byte[] value)
    {
        Assert.True(value.Length >= StoredFieldsLayout.LargeValueBytes, "the value must be large enough to go to the tail");
        var document = new List<byte> { 1, 0, 0 }; // one value: field 0, type 0 (a string)
        var length = new byte[10];
        document.AddRange(length[..VarInt.Write((ulong)value.Length, length)]);
        document.AddRange(value);
        var head = new List<byte>();
        var tail = new List<byte>();
        StoredFieldsLayout.Split(document.ToArray(), head, tail);
        Assert.Equal(StoredFieldsLayout.InTail, head[^1]);

        var values = StoredFieldsLayout.Read(head.ToArray(), tail.ToArray(), withTail: true);
        return (string)Assert.Single(values).Value;
    }
}
