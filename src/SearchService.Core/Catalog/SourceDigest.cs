using System.Buffers.Binary;
using System.Globalization;

namespace SearchService.Core.Catalog;

/// <summary>
/// A source's SHA-256 as the ingestor remembers it for each id, to skip a source that has not
/// changed: the 32 bytes of the digest in place of its 71-character <c>sha256:…</c> string. At a
/// million documents the strings alone were ~170 MB of a build's heap; these take 33 bytes each.
/// A hash in any other form (or none: records posted without a source) is <see cref="Unknown"/>,
/// which equals nothing, so such a document is indexed again rather than skipped.
/// </summary>
internal readonly record struct SourceDigest(ulong A, ulong B, ulong C, ulong D, bool Known)
{
    private const string Prefix = "sha256:";

    /// <summary>No digest: matches no source.</summary>
    public static SourceDigest Unknown => default;

    /// <summary>The digest of a hash written by <see cref="ConclusionIngestor.Hash"/>; <see cref="Unknown"/> for anything else.</summary>
    public static SourceDigest Of(string? hash)
    {
        if (hash is null || hash.Length != Prefix.Length + 64 || !hash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Unknown;
        }

        Span<byte> bytes = stackalloc byte[32];
        var hex = hash.AsSpan(Prefix.Length);
        for (var i = 0; i < 32; i++)
        {
            if (!byte.TryParse(hex.Slice(2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return Unknown;
            }
        }

        return new SourceDigest(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            Known: true);
    }

    /// <summary>True when both are known digests of the same bytes.</summary>
    public bool SameSourceAs(SourceDigest other) => Known && other.Known && this == other;
}
