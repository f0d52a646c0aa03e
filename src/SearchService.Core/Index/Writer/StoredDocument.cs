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
    /// <remarks>
    /// Sized first, then written into one array of exactly that size: a body of tens of KB would
    /// otherwise be copied at every doubling of a growing buffer and once more at the end. A value
    /// the document holds with its UTF-8 bytes (a corpus line's body) is copied, not encoded again.
    /// </remarks>
    public static byte[] Serialize(IndexSchema schema, IndexDocument document)
    {
        var count = 0;
        var size = 0L;
        var values = document.Values;
        Span<int> lengths = values.Count <= 64 ? stackalloc int[values.Count] : new int[values.Count]; // each string's UTF-8 bytes
        for (var i = 0; i < values.Count; i++)
        {
            var (name, value) = values[i];
            var field = schema.Find(name) ?? throw new ArgumentException($"field '{name}' is not in the schema (known: {string.Join(", ", schema.Fields.Select(f => f.Name))})", nameof(document));
            if (!field.Stored)
            {
                continue;
            }

            count++;
            size += SizeOf((ulong)schema.NumberOf(name)) + 1;
            switch (value)
            {
                case string s:
                    lengths[i] = document.TryGetUtf8(i, out var utf8) ? utf8.Length : Encoding.UTF8.GetByteCount(s);
                    size += SizeOf((ulong)lengths[i]) + lengths[i];
                    break;
                case long l:
                    size += SizeOf(ZigZag(l));
                    break;
                default:
                    throw new ArgumentException($"field '{name}' has a value of type {value.GetType().Name}; only string and long are indexable", nameof(document));
            }
        }

        size += SizeOf((ulong)count);
        // Every byte is written below (checked at the end), so the array need not be zeroed first.
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)size));
        var at = Codec.VarInt.Write((ulong)count, bytes);
        for (var i = 0; i < values.Count; i++)
        {
            var (name, value) = values[i];
            var number = schema.NumberOf(name);
            if (!schema.Fields[number].Stored)
            {
                continue;
            }

            at += Codec.VarInt.Write((ulong)number, bytes.AsSpan(at));
            if (value is string s)
            {
                bytes[at++] = 0;
                at += Codec.VarInt.Write((ulong)lengths[i], bytes.AsSpan(at));
                if (document.TryGetUtf8(i, out var utf8))
                {
                    utf8.Span.CopyTo(bytes.AsSpan(at));
                    at += utf8.Length;
                }
                else
                {
                    at += Encoding.UTF8.GetBytes(s, bytes.AsSpan(at));
                }
            }
            else
            {
                bytes[at++] = 1;
                at += Codec.VarInt.Write(ZigZag((long)value), bytes.AsSpan(at));
            }
        }

        if (at != bytes.Length)
        {
            throw new InvalidOperationException($"stored fields sized at {bytes.Length} bytes but {at} were written");
        }

        return bytes;
    }

    /// <summary>Reads the values back as (field number, value) pairs.</summary>
    public static List<(int Field, object Value)> Deserialize(ReadOnlySpan<byte> bytes) =>
        Codec.StoredFieldsLayout.Read(bytes, [], withTail: false);

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>Bytes <see cref="Codec.VarInt.Write"/> takes for <paramref name="value"/>: 7 bits a byte.</summary>
    private static int SizeOf(ulong value) => Math.Max(1, (70 - System.Numerics.BitOperations.LeadingZeroCount(value)) / 7);
}
