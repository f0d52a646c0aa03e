using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace SearchService.Core.Search;

/// <summary>
/// Where a page ended, as an opaque URL-safe token: the last hit's score, sort value and
/// document, and a fingerprint of the query and sort so a token cannot continue another search.
/// Bytes: version (1), fingerprint (8), doc (4), score bits (4), sort value (8), base64url.
/// </summary>
/// <remarks>
/// Document numbers are those of the snapshot searched: a cursor continues exactly on the same
/// snapshot; after a reopen it continues from the same score or sort value, ties may shift.
/// </remarks>
/// <param name="Fingerprint">Hash of the query and sort the cursor belongs to.</param>
/// <param name="After">The last hit returned.</param>
public sealed record SearchCursor(ulong Fingerprint, ScoreDoc After)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 4 + 4 + 8;

    /// <summary>The token.</summary>
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[1..], Fingerprint);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[9..], After.Doc);
        BinaryPrimitives.WriteSingleLittleEndian(bytes[13..], After.Score);
        BinaryPrimitives.WriteInt64LittleEndian(bytes[17..], After.SortValue);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a token; throws <see cref="InvalidCursorException"/> when it is not one.</summary>
    public static SearchCursor Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (token.Length > 64 || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            throw new InvalidCursorException("the cursor is not one this service issued");
        }

        var after = new ScoreDoc(
            BinaryPrimitives.ReadInt32LittleEndian(bytes[9..]),
            BinaryPrimitives.ReadSingleLittleEndian(bytes[13..]),
            BinaryPrimitives.ReadInt64LittleEndian(bytes[17..]));
        if (after.Doc < 0 || float.IsNaN(after.Score))
        {
            throw new InvalidCursorException("the cursor is damaged");
        }

        return new SearchCursor(BinaryPrimitives.ReadUInt64LittleEndian(bytes[1..]), after);
    }

    /// <summary>A stable hash (FNV-1a) of a query's text form and the sort field (null = relevance).</summary>
    public static ulong FingerprintOf(string query, string? sortField)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(query + "|" + sortField))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
