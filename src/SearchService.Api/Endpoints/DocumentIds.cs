using System.Security.Cryptography;
using System.Text;

namespace SearchService.Api.Endpoints;

/// <summary>What a document id may be, and the id a document gets when none is given.</summary>
public static class DocumentIds
{
    /// <summary>Longest id accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Why <paramref name="id"/> cannot be an id, or null when it can: ids appear in URLs and file names, so no slashes or control characters.</summary>
    public static string? Problem(string id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return $"an id has 1 to {MaxLength} characters; '{id}' has {id.Length}";
        }

        if (Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(id)) != id)
        {
            return "an id must be well-formed Unicode (it holds a lone surrogate)";
        }

        if (id is "." or "..")
        {
            return $"'{id}' cannot be an id: it names a folder in a URL or a path";
        }

        // Kestrel leaves %2F and %5C encoded in a path, so "PUT /api/documents/a%2Fb" would store the
        // id "a%2Fb": not the "a/b" the client meant, and a different id in every client's encoding.
        foreach (var escaped in (ReadOnlySpan<string>)["%2F", "%5C"])
        {
            if (id.Contains(escaped, StringComparison.OrdinalIgnoreCase))
            {
                return $"an id may not contain '{(escaped == "%2F" ? '/' : '\\')}' (sent as {escaped})";
            }
        }

        foreach (var c in id)
        {
            // Format characters (zero-width spaces, bidirectional overrides such as U+202E, the BOM)
            // are invisible: an id holding one looks like another id and cannot be typed back.
            var invisible = char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format;
            if (char.IsControl(c) || invisible || c is '/' or '\\' || char.IsWhiteSpace(c) && c != ' ')
            {
                return $"an id may not contain '{(char.IsControl(c) || invisible ? $"U+{(int)c:X4}" : c)}'";
            }
        }

        return id.Trim() != id ? "an id may not start or end with a space" : null;
    }

    /// <summary>The id for a document sent without one: its file name without extension, else "doc-" and a hash of its text.</summary>
    public static string Default(string? fileName, string text) =>
        !string.IsNullOrWhiteSpace(fileName) && Path.GetFileNameWithoutExtension(Path.GetFileName(fileName)) is { Length: > 0 } name
            ? name
            : "doc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
