namespace SearchService.Core.Index.Store;

/// <summary>
/// The frame every index file has. Header: magic 0x53534958 ("SSIX" read as little-endian
/// bytes "XISS"), the file kind's name (string), the format version (int32). Footer: magic
/// 0x464F4F54 (int32), algorithm 0 = CRC-32C (int32), then the checksum (int64) of every byte
/// before it, header and footer magic included. A truncated file loses its footer; a flipped bit
/// changes the checksum; either is reported with the file's name.
/// </summary>
public static class CodecFile
{
    /// <summary>Header magic.</summary>
    public const int HeaderMagic = 0x53534958;

    /// <summary>Footer magic.</summary>
    public const int FooterMagic = 0x464F4F54;

    /// <summary>Bytes in the footer.</summary>
    public const int FooterLength = 16;

    /// <summary>Writes the header for a file of kind <paramref name="codec"/>.</summary>
    public static void WriteHeader(IndexOutput output, string codec, int version)
    {
        output.WriteInt32(HeaderMagic);
        output.WriteString(codec);
        output.WriteInt32(version);
    }

    /// <summary>Reads and checks the header; returns the version.</summary>
    public static int ReadHeader(IndexInput input, string codec, int minVersion, int maxVersion)
    {
        if (input.Length < FooterLength + 9)
        {
            throw new CorruptIndexException(input.Name, $"file too short ({input.Length} bytes) to be an index file");
        }

        var magic = input.ReadInt32();
        if (magic != HeaderMagic)
        {
            throw new CorruptIndexException(input.Name, $"bad header magic 0x{magic:X8}");
        }

        var actual = input.ReadString();
        if (actual != codec)
        {
            throw new CorruptIndexException(input.Name, $"file kind '{actual}', expected '{codec}'");
        }

        var version = input.ReadInt32();
        if (version < minVersion || version > maxVersion)
        {
            throw new IndexFormatVersionException(input.Name, codec, version, minVersion, maxVersion);
        }

        return version;
    }

    /// <summary>Writes the footer with the checksum of everything before the checksum itself.</summary>
    public static void WriteFooter(IndexOutput output)
    {
        output.WriteInt32(FooterMagic);
        output.WriteInt32(0);
        output.WriteInt64(output.Checksum);
    }

    /// <summary>Reads the whole file and compares its checksum with the footer's.</summary>
    public static void VerifyChecksum(IndexInput input)
    {
        var clone = input.Clone();
        if (clone.Length < FooterLength)
        {
            throw new CorruptIndexException(input.Name, $"file too short ({clone.Length} bytes) to hold a footer");
        }

        clone.Position = 0;
        var body = clone.Length - 8;
        uint crc = 0;
        var buffer = new byte[64 * 1024];
        var remaining = body;
        while (remaining > 0)
        {
            var n = (int)Math.Min(buffer.Length, remaining);
            clone.ReadBytes(buffer.AsSpan(0, n));
            crc = Crc32C.Append(crc, buffer.AsSpan(0, n));
            remaining -= n;
        }

        CheckFooterStructure(clone, clone.Length - FooterLength);
        clone.Position = body;
        var expected = clone.ReadInt64();
        if (expected != crc)
        {
            throw new CorruptIndexException(input.Name, $"checksum mismatch: footer says 0x{expected:X8}, content gives 0x{crc:X8} (file damaged or truncated)");
        }
    }

    /// <summary>Checks the footer's magic and length without reading the whole file.</summary>
    public static void CheckFooter(IndexInput input) => CheckFooterStructure(input.Clone(), input.Length - FooterLength);

    private static void CheckFooterStructure(IndexInput input, long footerStart)
    {
        if (footerStart < 0)
        {
            throw new CorruptIndexException(input.Name, "file too short to hold a footer");
        }

        input.Position = footerStart;
        var magic = input.ReadInt32();
        var algorithm = input.ReadInt32();
        if (magic != FooterMagic || algorithm != 0)
        {
            throw new CorruptIndexException(input.Name, "footer missing or damaged (file truncated?)");
        }
    }
}
