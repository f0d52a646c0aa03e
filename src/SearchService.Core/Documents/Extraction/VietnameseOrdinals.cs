using SearchService.Core.Analysis;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// The ordinals a conference or meeting number is written with after "lần thứ" / "phiên họp thứ":
/// digits ("12"), Roman numerals ("XII") or words ("nhất", "ba", "tư", "mười hai", "mười lăm",
/// "hai mươi mốt", "ba mươi"), accents optional.
/// </summary>
public static class VietnameseOrdinals
{
    private const int MaxWords = 4;

    private static readonly char[] Separators = [' ', '\t', '\n', ',', ';', '.', '(', ')', ':'];

    // The accented spelling an accent-less word stands for ("muoi" is read as "mười" or "mươi": both fold alike).
    private static readonly Dictionary<string, string> Accented = new(StringComparer.Ordinal)
    {
        ["mot"] = "một", ["ba"] = "ba", ["bon"] = "bốn", ["tu"] = "tư", ["nam"] = "năm", ["sau"] = "sáu",
        ["bay"] = "bảy", ["tam"] = "tám", ["chin"] = "chín", ["muoi"] = "mười",
    };

    /// <summary>
    /// Reads the ordinal at the start of <paramref name="text"/>; the longest reading wins, so "hai
    /// mươi mốt" is 21 and not 2, and words that do not continue a number ("ba Ban Chấp hành", "ba năm
    /// 2025") end it. Null when the text does not start with one.
    /// </summary>
    public static int? ParseLeading(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimStart();
        var first = 0;
        while (first < trimmed.Length && char.IsLetterOrDigit(trimmed[first]))
        {
            first++;
        }

        if (first == 0)
        {
            return null;
        }

        var head = trimmed[..first];
        if (char.IsAsciiDigit(head[0]))
        {
            return head.Length <= 4 && head.All(char.IsAsciiDigit) ? int.Parse(head, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        if (Roman(head) is { } roman)
        {
            return roman;
        }

        var words = trimmed.Split(Separators, MaxWords + 1, StringSplitOptions.RemoveEmptyEntries)
            .Take(MaxWords)
            .Select(w => VietnameseAlphabet.FoldString(w.ToLowerInvariant()))
            .ToList();
        for (var n = words.Count; n >= 1; n--)
        {
            if (Words(words, n, trimmed) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    // Folded words compare ambiguously ("nam" is "năm" five but also "Nam" south, "tu" is "tư"
    // four but also "từ" from), so a word written with accents must carry the number's own accents;
    // one written without any is read by its folded form.
    private static int? Words(List<string> folded, int count, string original)
    {
        var words = folded.Take(count).ToList();
        var accented = original.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Take(count).Select(w => w.ToLowerInvariant()).ToList();
        for (var i = 0; i < accented.Count; i++)
        {
            if (accented[i] == words[i])
            {
                accented[i] = Accented.GetValueOrDefault(words[i], words[i]);
            }
        }

        switch (words.Count)
        {
            case 1:
                return words[0] == "nhat" ? 1 : Unit(words[0], accented[0]);
            case 2 when words[0] == "muoi":
                return Unit(words[1], accented[1], afterTen: true) is { } u ? 10 + u : null;
            case 2 when words[1] == "muoi":
                return Unit(words[0], accented[0]) is { } tens and > 1 ? tens * 10 : null;
            case 3 when words[1] == "muoi":
                return Unit(words[0], accented[0]) is { } t and > 1 && Unit(words[2], accented[2], afterTen: true) is { } one ? (t * 10) + one : null;
            default:
                return null;
        }
    }

    private static int? Unit(string folded, string accented, bool afterTen = false) => folded switch
    {
        "mot" when accented is "một" or "mốt" && afterTen => 1, // mười một, hai mươi mốt
        "mot" when accented is "một" => 1,
        "hai" => 2,
        "ba" when accented is "ba" => 3,
        "bon" or "tu" when accented is "bốn" or "tư" => 4,
        "nam" when accented is "năm" => 5,
        "lam" or "nham" when afterTen => 5,
        "sau" when accented is "sáu" => 6,
        "bay" when accented is "bảy" or "bẩy" => 7,
        "tam" when accented is "tám" => 8,
        "chin" when accented is "chín" => 9,
        "muoi" when accented is "mười" && !afterTen => 10,
        _ => null,
    };

    private static int? Roman(string text)
    {
        if (text.Length > 7 || !text.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C'))
        {
            return null;
        }

        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = RomanDigit(text[i]);
            total += i + 1 < text.Length && RomanDigit(text[i + 1]) > value ? -value : value;
        }

        return total > 0 ? total : null;
    }

    private static int RomanDigit(char c) => c switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
}
