using System.Buffers;
using System.Text;
using SearchService.Core.Index.Schema;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// The bytes of one document's stored fields: VInt count of values, then per value the field
/// number (VInt), a type byte (0 = string as VInt UTF-8 length + bytes, 1 = long zig-zag VLong).
/// </summary>
public static class StoredDocument
{
    /// <summary>Serializes the stored fields of <paramref name="document"/>.</summary>
    public static byte[] Serialize(IndexSchema schema, IndexDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var count = 0;
        foreach (var (name, _) in document.Values)
        {
            var field = schema.Find(name) ?? throw new ArgumentException($"field '{name}' is not in the schema (known: {string.Join(", ", schema.Fields.Select(f => f.Name))})", nameof(document));
            if (field.Stored)
            {
                count++;
            }
        }

        WriteVLong(buffer, count);
        foreach (var (name, value) in document.Values)
        {
            var number = schema.NumberOf(name);
            var field = schema.Fields[number];
            if (!field.Stored)
            {
                continue;
            }

            WriteVLong(buffer, number);
            switch (value)
            {
                case string s:
                {
                    buffer.Write([(byte)0]);
                    var length = Encoding.UTF8.GetByteCount(s);
                    WriteVLong(buffer, length);
                    var span = buffer.GetSpan(length);
                    Encoding.UTF8.GetBytes(s, span);
                    buffer.Advance(length);
                    break;
                }

                case long l:
                    buffer.Write([(byte)1]);
                    WriteVLong(buffer, (l << 1) ^ (l >> 63));
                    break;
                default:
                    throw new ArgumentException($"field '{name}' has a value of type {value.GetType().Name}; only string and long are indexable", nameof(document));
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads the values back as (field number, value) pairs.</summary>
    public static List<(int Field, object Value)> Deserialize(ReadOnlySpan<byte> bytes) =>
        Codec.StoredFieldsLayout.Read(bytes, [], withTail: false);

    private static void WriteVLong(ArrayBufferWriter<byte> buffer, long value) =>
        buffer.Advance(Codec.VarInt.Write((ulong)value, buffer.GetSpan(10)));
}
