using SearchService.Core.Analysis;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Rewrites the ALL-CAPS lines of headings and signatures in the case the same words take in
/// running text: "BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ KHÓA XVIII" becomes "Ban Chấp hành Đảng bộ
/// thành phố khóa XVIII", "PHÓ BÍ THƯ" becomes "Phó Bí thư".
/// </summary>
public static class SentenceCase
{
    // Institutional words that keep capitals in running text, by their folded lower-case form.
    private static readonly (string[] Folded, string[] Written)[] Proper =
    [
        (["ban", "chap", "hanh"], ["Ban", "Chấp", "hành"]),
        (["ban", "thuong", "vu"], ["Ban", "Thường", "vụ"]),
        (["dang", "bo"], ["Đảng", "bộ"]),
        (["hoi", "nghi"], ["Hội", "nghị"]),
        (["bi", "thu"], ["Bí", "thư"]),
        (["thuong", "truc"], ["Thường", "trực"]),
        (["trung", "uong"], ["Trung", "ương"]),
        (["chu", "tich"], ["Chủ", "tịch"]),
        (["chanh", "van", "phong"], ["Chánh", "Văn", "phòng"]),
        (["uy", "vien"], ["Ủy", "viên"]),
        (["tinh", "uy"], ["Tỉnh", "ủy"]),
        (["thanh", "uy"], ["Thành", "ủy"]),
        (["thi", "uy"], ["Thị", "ủy"]),
        (["huyen", "uy"], ["Huyện", "ủy"]),
        (["quan", "uy"], ["Quận", "ủy"]),
        (["dang", "uy"], ["Đảng", "ủy"]),
    ];

    // A Roman numeral is a numeral only after these words ("VI" alone is the syllable "vi").
    private static readonly HashSet<string> NumeralLeads = new(StringComparer.Ordinal) { "khoa", "(khoa", "thu", "quy", "lan" };

    /// <summary>True when <paramref name="line"/> has letters and none of them lower case.</summary>
    public static bool IsAllCaps(string line)
    {
        var letters = false;
        foreach (var c in line)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters |= char.IsLetter(c);
        }

        return letters;
    }

    /// <summary>Rewrites an ALL-CAPS line; other lines are returned as written.</summary>
    public static string Apply(string line, bool capitalizeFirst)
    {
        if (!IsAllCaps(line))
        {
            return line;
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = words.Select(w => VietnameseAlphabet.FoldString(w)).ToArray();
        var result = words.Select(w => w.ToLowerInvariant()).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && NumeralLeads.Contains(folded[i - 1].TrimEnd(',', ')')) && IsRomanNumeral(words[i].Trim('(', ')', ',', '.')))
            {
                result[i] = words[i];
                continue;
            }

            foreach (var (phrase, written) in Proper)
            {
                if (i + phrase.Length <= words.Length && Enumerable.Range(0, phrase.Length).All(k => StripPunctuation(folded[i + k]) == phrase[k]))
                {
                    for (var k = 0; k < phrase.Length; k++)
                    {
                        result[i + k] = KeepPunctuation(words[i + k].ToLowerInvariant(), written[k]);
                    }

                    // "ỦY" written old-style stays old-style in the text; only the case changes.
                    if (written[^1] == "ủy")
                    {
                        result[i + phrase.Length - 1] = words[i + phrase.Length - 1].ToLowerInvariant();
                    }

                    i += phrase.Length - 1;
                    break;
                }
            }
        }

        var text = string.Join(' ', result);
        return capitalizeFirst && text.Length > 0 ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    private static bool IsRomanNumeral(string word) => word.Length > 0 && word.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C');

    private static string StripPunctuation(string word) => word.Trim('(', ')', ',', '.', ';', ':');

    private static string KeepPunctuation(string lowered, string written)
    {
        var start = lowered.Length - lowered.TrimStart('(').Length;
        var end = lowered.Length - lowered.TrimEnd(')', ',', '.', ';', ':').Length;
        return lowered[..start] + written + lowered[(lowered.Length - end)..];
    }
}
