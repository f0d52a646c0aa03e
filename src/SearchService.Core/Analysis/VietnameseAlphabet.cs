using System.Globalization;
using System.Text;

namespace SearchService.Core.Analysis;

/// <summary>
/// Facts about Vietnamese letters, as lookup tables built once: the accent-free base letter of
/// each char (for folding), and for each vowel its shape (a, ă, â, …) and tone (huyền, sắc, …)
/// so tone marks can be moved between vowels. Tables cover U+0000–U+1FFF, which holds every
/// Vietnamese letter; anything above is left as it is.
/// </summary>
public static class VietnameseAlphabet
{
    private const int TableSize = 0x2000;
    private const byte ClassLetterOrDigit = 1;
    private const byte ClassUpper = 2;
    private const byte ClassNonSpacingMark = 4;

    /// <summary>The five tone marks as combining characters, in the order of <see cref="Tone"/> 1–5.</summary>
    private static readonly char[] ToneMarks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    private static readonly char[] Fold = new char[TableSize];
    private static readonly char[] Lower = new char[TableSize];
    private static readonly char[] Shape = new char[TableSize];
    private static readonly byte[] ToneOf = new byte[TableSize];
    private static readonly byte[] Classes = new byte[TableSize]; // ClassLetterOrDigit | ClassUpper | ClassNonSpacingMark
    private static readonly Dictionary<int, char> Compose = [];

    static VietnameseAlphabet()
    {
        for (var c = 0; c < TableSize; c++)
        {
            Fold[c] = (char)c;
            Shape[c] = (char)c;
            Lower[c] = char.ToLowerInvariant((char)c);
            Classes[c] = (byte)((char.IsLetterOrDigit((char)c) ? ClassLetterOrDigit : 0)
                | (char.IsUpper((char)c) ? ClassUpper : 0)
                | (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? ClassNonSpacingMark : 0));
        }

        for (var c = 0x00C0; c < TableSize; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var decomposed = ((char)c).ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0]))
            {
                Fold[c] = decomposed[0];
            }
        }

        Fold['đ'] = 'd';
        Fold['Đ'] = 'D';

        // Vowel shapes with each tone: "ô" + sắc composes to "ố"; remember both directions.
        foreach (var shape in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
        {
            Compose[Key(shape, 0)] = shape;
            Shape[shape] = shape;
            for (var tone = 1; tone <= ToneMarks.Length; tone++)
            {
                var composed = string.Concat(shape, ToneMarks[tone - 1]).Normalize(NormalizationForm.FormC);
                if (composed.Length != 1)
                {
                    continue;
                }

                var ch = composed[0];
                Shape[ch] = shape;
                ToneOf[ch] = (byte)tone;
                Compose[Key(shape, tone)] = ch;
            }
        }
    }

    /// <summary>The char without accents or tone: "ề" gives 'e', "đ" gives 'd'; case is kept.</summary>
    public static char FoldChar(char c) => c < TableSize ? Fold[c] : c;

    /// <summary>
    /// <see cref="char.ToLowerInvariant"/> of <paramref name="c"/>, read from a table for every
    /// char up to U+1FFF (the runtime asks ICU for each non-ASCII char, which cost a seventh of
    /// indexing time); the same answer by construction.
    /// </summary>
    public static char ToLower(char c) => c < TableSize ? Lower[c] : char.ToLowerInvariant(c);

    /// <summary>
    /// <see cref="char.IsLetterOrDigit(char)"/>, read from a table for every char up to U+1FFF:
    /// Vietnamese letters outside Latin-1 (ă, ơ, ư, ạ … ỹ) would each cost a call into the
    /// runtime's Unicode data. The same answer by construction.
    /// </summary>
    public static bool IsLetterOrDigit(char c) => c < TableSize ? (Classes[c] & ClassLetterOrDigit) != 0 : char.IsLetterOrDigit(c);

    /// <summary><see cref="char.IsUpper(char)"/>, from the same table.</summary>
    public static bool IsUpper(char c) => c < TableSize ? (Classes[c] & ClassUpper) != 0 : char.IsUpper(c);

    /// <summary>Whether <paramref name="c"/> is a non-spacing mark (a combining accent), from the same table.</summary>
    public static bool IsNonSpacingMark(char c) => c < TableSize ? (Classes[c] & ClassNonSpacingMark) != 0 : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    /// <summary>True when folding would change the char.</summary>
    public static bool IsFoldable(char c) => c < TableSize && Fold[c] != c;

    /// <summary>True for a vowel of the Vietnamese alphabet in any shape, tone or case.</summary>
    public static bool IsVowel(char c) => FoldChar(ToLower(c)) switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' or 'y' => true,
        _ => false,
    };

    /// <summary>The vowel's tone: 0 none (ngang), 1 huyền, 2 sắc, 3 ngã, 4 hỏi, 5 nặng.</summary>
    public static int Tone(char c) => c < TableSize ? ToneOf[c] : 0;

    /// <summary>The vowel without its tone but with its shape: "ố" gives 'ô'.</summary>
    public static char ShapeOf(char c) => c < TableSize ? Shape[c] : c;

    /// <summary>The vowel of <paramref name="shape"/> carrying <paramref name="tone"/>.</summary>
    public static char WithTone(char shape, int tone) =>
        Compose.TryGetValue(Key(ShapeOf(shape), tone), out var c) ? c : shape;

    /// <summary>Folds <paramref name="source"/> into <paramref name="destination"/> (same length).</summary>
    public static void FoldInto(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = FoldChar(source[i]);
        }
    }

    /// <summary>True when any char of <paramref name="text"/> would change under folding.</summary>
    public static bool NeedsFolding(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsFoldable(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folds and lowercases a whole string; for building tables, not for hot paths.</summary>
    public static string FoldString(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = char.ToLowerInvariant(FoldChar(text[i]));
        }

        return new string(chars);
    }

    private static int Key(char shape, int tone) => (shape << 3) | tone;
}
