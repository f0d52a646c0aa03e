using System.Text;

namespace SearchService.Core.Documents.Readers;

/// <summary>
/// Decodes the bytes of a text file: UTF-8 with or without a byte-order mark, or UTF-16 with one.
/// Anything else (NUL bytes, invalid UTF-8) is refused rather than decoded into replacement
/// characters, because garbage in the index is worse than a named error.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>, NFC-normalised with "\n" line ends.</summary>
    /// <exception cref="DocumentReadException">The bytes are not text in a supported encoding.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string filePath)
    {
        string text;
        try
        {
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                text = StrictUtf8.GetString(bytes[3..]);
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            {
                text = StrictUtf16Le.GetString(bytes[2..]);
            }
            else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                text = StrictUtf16Be.GetString(bytes[2..]);
            }
            else
            {
                var nul = bytes.IndexOf((byte)0);
                if (nul >= 0)
                {
                    throw new DocumentReadException(filePath, $"not a text file (NUL byte at offset {nul}; UTF-16 needs a byte-order mark)");
                }

                text = StrictUtf8.GetString(bytes);
            }
        }
        catch (DecoderFallbackException e)
        {
            var at = e.Index >= 0 ? $" near byte {e.Index}" : "";
            throw new DocumentReadException(filePath, $"not a text file: invalid UTF-8/UTF-16{at}", e);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new DocumentReadException(filePath, "not a text file (contains NUL characters)");
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }
}
