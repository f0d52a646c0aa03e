using SearchService.Core.Analysis;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Reads the end of a document: the "Nơi nhận" list and the signature ("T/M BAN CHẤP HÀNH",
/// the signer's title in capitals, then the name). Both are looked for only near the end, so a
/// sentence in the body that mentions a Bí thư is never taken for a signature.
/// </summary>
public static class SignatureBlock
{
    private const int SearchLines = 40;

    /// <summary>The signer, or null when the document has no recognisable signature.</summary>
    public static Signer? FindSigner(IReadOnlyList<string> lines)
    {
        var first = Math.Max(0, lines.Count - SearchLines);
        var onBehalf = -1;
        for (var i = lines.Count - 1; i >= first; i--)
        {
            if (IsOnBehalfLine(lines[i]))
            {
                onBehalf = i;
                break;
            }
        }

        var start = onBehalf >= 0 ? onBehalf + 1 : FirstTitleLine(lines, first);
        if (start < 0)
        {
            return null;
        }

        var titles = new List<string>();
        for (var i = start; i < lines.Count && i < start + 8; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (SentenceCase.IsAllCaps(line) && IsTitle(line))
            {
                titles.Add(line);
                continue;
            }

            if (LooksLikeName(line))
            {
                var name = SentenceCase.IsAllCaps(line) ? ToNameCase(line) : line;
                var title = titles.Count == 0 ? null : SentenceCase.Apply(string.Join(' ', titles), capitalizeFirst: true);
                return new Signer(name, title);
            }

            break;
        }

        return null;
    }

    /// <summary>The "Nơi nhận" lines, without dashes and trailing commas; continuation lines joined to their item.</summary>
    public static IReadOnlyList<string> FindRecipients(IReadOnlyList<string> lines)
    {
        var first = Math.Max(0, lines.Count - SearchLines);
        var header = -1;
        for (var i = lines.Count - 1; i >= first; i--)
        {
            if (VietnameseAlphabet.FoldString(lines[i].Trim()).TrimEnd(':', ' ') == "noi nhan")
            {
                header = i;
                break;
            }
        }

        if (header < 0)
        {
            return [];
        }

        var items = new List<string>();
        var previousBlank = true;
        for (var i = header + 1; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                previousBlank = true;
                continue;
            }

            if (IsOnBehalfLine(line))
            {
                break;
            }

            if (line[0] is '-' or '+' or '•' or '–')
            {
                items.Add(line.TrimStart('-', '+', '•', '–', ' '));
            }
            else if (!previousBlank && items.Count > 0)
            {
                items[^1] = items[^1] + " " + line;
            }
            else
            {
                break;
            }

            previousBlank = false;
        }

        return [.. items.Select(item => item.TrimEnd(',', ';', '.', ' ')).Where(item => item.Length > 0)];
    }

    /// <summary>
    /// A line of the signature's authority: "T/M …" (on behalf of the committee), "K/T …" (deputising
    /// for the Bí thư), "T/L …" (by order of, signed by the office's head), and their "TM." "KT." "TL." forms.
    /// </summary>
    internal static bool IsOnBehalfLine(string line)
    {
        var text = line.TrimStart();
        return text.StartsWith("T/M ", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("TM.", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("K/T ", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("KT.", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("KT ", StringComparison.Ordinal)
            || text.StartsWith("T/L ", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("TL.", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("TL ", StringComparison.Ordinal);
    }

    private static int FirstTitleLine(IReadOnlyList<string> lines, int first)
    {
        for (var i = lines.Count - 1; i >= first; i--)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && SentenceCase.IsAllCaps(line) && IsTitle(line))
            {
                var j = i;
                while (j > first && lines[j - 1].Trim() is { Length: > 0 } above && SentenceCase.IsAllCaps(above) && IsTitle(above))
                {
                    j--;
                }

                return j;
            }
        }

        return -1;
    }

    // The titles a signer signs under: the committee's officers, and under "T/L" the heads of its
    // office and boards ("CHÁNH VĂN PHÒNG", "PHÓ TRƯỞNG BAN TỔ CHỨC").
    private static bool IsTitle(string line)
    {
        var folded = VietnameseAlphabet.FoldString(line);
        return folded.Contains("bi thu", StringComparison.Ordinal) || folded.Contains("chu tich", StringComparison.Ordinal)
            || folded.Contains("thuong truc", StringComparison.Ordinal) || folded.Contains("truong ban", StringComparison.Ordinal)
            || folded.Contains("chanh van phong", StringComparison.Ordinal) || folded.Contains("uy vien", StringComparison.Ordinal);
    }

    private static bool LooksLikeName(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && words.All(w => char.IsUpper(w[0]) && w.All(char.IsLetter));
    }

    private static string ToNameCase(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
