namespace SearchService.Core.Analysis;

/// <summary>
/// Puts a syllable's tone mark in one canonical place, so the old and new spelling styles are the
/// same term: "hoà"/"hòa", "hoá"/"hóa", "uỷ"/"ủy", "thuỷ"/"thủy", "khoẻ"/"khỏe".
/// </summary>
/// <remarks>
/// The two styles differ only for the nuclei "oa", "oe" and "uy". In an open syllable (no final
/// consonant) the new style, used in most documents since the 2000s, marks the first vowel
/// ("hòa"); the old style marks the second ("hoà"). With a final consonant both styles mark the
/// second vowel ("hoàng", "khuyến"), so a mark on the first there is a typing slip and is moved
/// too. "qu" and "gi" are consonants, so "quý" and "già" are left alone.
/// </remarks>
public static class ToneMarkNormalizer
{
    /// <summary>Moves the tone mark of <paramref name="syllable"/> to its canonical vowel, in place.</summary>
    /// <returns>True when a mark was moved.</returns>
    public static bool Canonicalize(Span<char> syllable)
    {
        var n = syllable.Length;
        if (n < 2 || n > 8)
        {
            return false;
        }

        var v0 = 0;
        while (v0 < n && !VietnameseAlphabet.IsVowel(syllable[v0]))
        {
            v0++;
        }

        if (v0 + 1 >= n)
        {
            return false;
        }

        var first = Lower(VietnameseAlphabet.FoldChar(syllable[0]));
        if (v0 > 0 && Lower(VietnameseAlphabet.FoldChar(syllable[v0 - 1])) == 'q' && Lower(VietnameseAlphabet.FoldChar(syllable[v0])) == 'u')
        {
            v0++;
        }
        else if (v0 == 1 && first == 'g' && n > 2 && Lower(VietnameseAlphabet.FoldChar(syllable[1])) == 'i' && VietnameseAlphabet.IsVowel(syllable[2]))
        {
            v0++;
        }

        var v1 = v0;
        while (v1 < n && VietnameseAlphabet.IsVowel(syllable[v1]))
        {
            v1++;
        }

        if (v1 - v0 != 2)
        {
            return false;
        }

        var a = Lower(VietnameseAlphabet.ShapeOf(syllable[v0]));
        var b = Lower(VietnameseAlphabet.ShapeOf(syllable[v0 + 1]));
        var ambiguous = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
        if (!ambiguous)
        {
            return false;
        }

        var toneA = VietnameseAlphabet.Tone(syllable[v0]);
        var toneB = VietnameseAlphabet.Tone(syllable[v0 + 1]);
        var open = v1 == n;
        if (open && toneA == 0 && toneB != 0)
        {
            syllable[v0] = VietnameseAlphabet.WithTone(syllable[v0], toneB);
            syllable[v0 + 1] = VietnameseAlphabet.ShapeOf(syllable[v0 + 1]);
            return true;
        }

        if (!open && toneA != 0 && toneB == 0)
        {
            syllable[v0 + 1] = VietnameseAlphabet.WithTone(syllable[v0 + 1], toneA);
            syllable[v0] = VietnameseAlphabet.ShapeOf(syllable[v0]);
            return true;
        }

        return false;
    }

    private static char Lower(char c) => c is >= 'A' and <= 'Z' ? (char)(c + 32) : VietnameseAlphabet.ToLower(c);
}
