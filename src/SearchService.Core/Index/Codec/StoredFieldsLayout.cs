using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SearchService.Core.Index.Codec;

/// <summary>
/// How a stored-fields chunk (format 3) lays its documents out: every document's small values in
/// one zstd frame, each document's large ones in a frame of its own. A document's bytes
/// (<see cref="Writer.StoredDocument"/>: value count, then per value field number, type, payload)
/// are split in two: the head keeps every value in order, but a string of at least
/// <see cref="LargeValueBytes"/> UTF-8 bytes is left there as its field number and type 2 only,
/// its length and bytes moved to the document's tail. A hit that needs an id and a title then
/// decompresses only the chunk's heads, a few hundred bytes a document, and a snippet its own body.
/// </summary>
public static class StoredFieldsLayout
{
    /// <summary>Strings of this many UTF-8 bytes or more go to the tail (bodies, the record's JSON; not titles or ids).</summary>
    public const int LargeValueBytes = 1024;

    /// <summary>The type byte that marks a value moved to the tail.</summary>
    public const byte InTail = 2;

    /// <summary>Splits one document's bytes into its head and tail, appended to the two lists.</summary>
    public static void Split(ReadOnlySpan<byte> document, List<byte> head, List<byte> tail)
    {
        var p = 0;
        var count = (int)ReadVLong(document, ref p);
        AddVLong(head, count);
        for (var i = 0; i < count; i++)
        {
            var field = ReadVLong(document, ref p);
            AddVLong(head, field);
            var type = document[p++];
            var payloadStart = p;
            if (type == 0)
            {
                var length = (int)ReadVLong(document, ref p);
                p += length;
                if (length >= LargeValueBytes)
                {
                    head.Add(InTail);
                    tail.AddRange(document[payloadStart..p]);
                    continue;
                }
            }
            else if (type == 1)
            {
                _ = ReadVLong(document, ref p);
            }
            else
            {
                throw new InvalidDataException($"stored value of unknown type {type}");
            }

            head.Add(type);
            head.AddRange(document[payloadStart..p]);
        }
    }

    /// <summary>Puts a document's head and tail back together as the bytes <see cref="Split"/> was given.</summary>
    public static byte[] Join(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail)
    {
        var document = new List<byte>(head.Length + tail.Length);
        var p = 0;
        var t = 0;
        var count = (int)ReadVLong(head, ref p);
        AddVLong(document, count);
        for (var i = 0; i < count; i++)
        {
            AddVLong(document, ReadVLong(head, ref p));
            var type = head[p++];
            var payloadStart = p;
            if (type == InTail)
            {
                document.Add(0);
                var tailStart = t;
                var length = (int)ReadVLong(tail, ref t);
                t += length;
                document.AddRange(tail[tailStart..t]);
                continue;
            }

            SkipPayload(head, type, ref p);
            document.Add(type);
            document.AddRange(head[payloadStart..p]);
        }

        if (t != tail.Length)
        {
            throw new InvalidDataException($"stored document tail has {tail.Length - t} bytes its head does not account for");
        }

        return [.. document];
    }

    /// <summary>
    /// A large value's bytes as a string, in one transcoding pass into a scratch buffer and a copy
    /// (<see cref="Encoding.GetString(ReadOnlySpan{byte})"/> counts the chars in a pass of its own
    /// first, which for a body of Vietnamese text costs about as much as the transcoding). Invalid
    /// bytes become U+FFFD as they would there.
    /// </summary>
    private static string LargeString(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            _ = Utf8.ToUtf16(bytes, chars, out _, out var written);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// The values of a document as (field number, value) in stored order. Without the tail
    /// (<paramref name="withTail"/> false) the values moved there are left out, and so are those
    /// of fields <paramref name="tailWanted"/> says no to (null wants them all: a record's JSON
    /// is not turned into a string for a snippet that needs only the body); a document's
    /// unsplit bytes read the same way as a head with an empty tail.
    /// </summary>
    public static List<(int Field, object Value)> Read(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, bool withTail, Func<int, bool>? tailWanted = null)
    {
        var values = new List<(int, object)>();
        var p = 0;
        var t = 0;
        var count = (int)ReadVLong(head, ref p);
        for (var i = 0; i < count; i++)
        {
            var field = (int)ReadVLong(head, ref p);
            var type = head[p++];
            if (type == InTail)
            {
                if (withTail)
                {
                    var length = (int)ReadVLong(tail, ref t);
                    if (tailWanted is null || tailWanted(field))
                    {
                        values.Add((field, LargeString(tail.Slice(t, length))));
                    }

                    t += length;
                }
            }
            else if (type == 0)
            {
                var length = (int)ReadVLong(head, ref p);
                values.Add((field, Encoding.UTF8.GetString(head.Slice(p, length))));
                p += length;
            }
            else if (type == 1)
            {
                var v = (ulong)ReadVLong(head, ref p);
                values.Add((field, (long)(v >> 1) ^ -(long)(v & 1)));
            }
            else
            {
                throw new InvalidDataException($"stored value of unknown type {type}");
            }
        }

        return values;
    }

    /// <summary>Whether a document's head moved a value of a field <paramref name="needed"/> says yes to into its tail.</summary>
    public static bool TailHolds(ReadOnlySpan<byte> head, Func<int, bool> needed)
    {
        var p = 0;
        var count = (int)ReadVLong(head, ref p);
        for (var i = 0; i < count; i++)
        {
            var field = (int)ReadVLong(head, ref p);
            var type = head[p++];
            if (type == InTail)
            {
                if (needed(field))
                {
                    return true;
                }

                continue;
            }

            SkipPayload(head, type, ref p);
        }

        return false;
    }

    private static void SkipPayload(ReadOnlySpan<byte> bytes, byte type, ref int p)
    {
        if (type == 0)
        {
            var length = (int)ReadVLong(bytes, ref p);
            p += length;
        }
        else if (type == 1)
        {
            _ = ReadVLong(bytes, ref p);
        }
        else
        {
            throw new InvalidDataException($"stored value of unknown type {type}");
        }
    }

    private static void AddVLong(List<byte> into, long value)
    {
        Span<byte> bytes = stackalloc byte[10];
        into.AddRange(bytes[..VarInt.Write((ulong)value, bytes)]);
    }

    private static long ReadVLong(ReadOnlySpan<byte> bytes, ref int p) => VarInt.Read(bytes, ref p);
}
