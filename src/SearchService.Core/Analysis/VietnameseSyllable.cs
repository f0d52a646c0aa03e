namespace SearchService.Core.Analysis;

/// <summary>
/// Tells whether a run of letters can be one Vietnamese syllable: an initial consonant from the
/// language's set, one to three vowels, and a final from {c, ch, m, n, ng, nh, p, t}. The
/// tokenizer uses it to tell abbreviations typed in capitals ("UBND", "GPMB", "THPT") from
/// syllables typed in capitals ("KẾT", "LUẬN"), and Vietnamese words from foreign ones.
/// </summary>
public static class VietnameseSyllable
{
    /// <summary>True when <paramref name="letters"/> has the shape of a Vietnamese syllable (any case, any accents).</summary>
    public static bool IsPlausible(ReadOnlySpan<char> letters)
    {
        var n = letters.Length;
        if (n == 0 || n > 7)
        {
            return false;
        }

        Span<char> s = stackalloc char[n];
        for (var i = 0; i < n; i++)
        {
            var c = letters[i];
            var lower = VietnameseAlphabet.ToLower(c);
            s[i] = lower == 'đ' ? 'đ' : VietnameseAlphabet.FoldChar(lower);
        }

        var p = InitialLength(s);
        var vowelStart = p;
        while (p < n && IsVowelLetter(s[p]))
        {
            p++;
        }

        var vowels = p - vowelStart;
        if (vowels == 0)
        {
            // "gì": the i of "gi" is the vowel.
            return s is ['g', 'i'];
        }

        if (vowels > 3)
        {
            return false;
        }

        return IsFinal(s[p..]);
    }

    private static int InitialLength(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("ngh"))
        {
            return 3;
        }

        if (s.Length >= 3 && s.StartsWith("qu") && IsVowelLetter(s[2]))
        {
            return 2;
        }

        if (s.Length >= 3 && s.StartsWith("gi") && IsVowelLetter(s[2]))
        {
            return 2;
        }

        if (s.Length >= 2)
        {
            switch (s[..2])
            {
                case "ng" or "nh" or "ch" or "gh" or "kh" or "ph" or "th" or "tr":
                    return 2;
            }
        }

        return s[0] switch
        {
            'b' or 'c' or 'd' or 'đ' or 'g' or 'h' or 'k' or 'l' or 'm' or 'n' or 'p' or 'r' or 's' or 't' or 'v' or 'x' => 1,
            _ => 0,
        };
    }

    private static bool IsFinal(ReadOnlySpan<char> rest) => rest switch
    {
        "" or "c" or "ch" or "m" or "n" or "ng" or "nh" or "p" or "t" => true,
        _ => false,
    };

    private static bool IsVowelLetter(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
