using System.Text;

namespace SearchService.Core.Analysis;

/// <summary>
/// Character-level clean-up before tokenizing, keeping a map back to the original offsets:
/// NFC composition (so text typed or converted as NFD, "Unicode tổ hợp", gives the same tokens),
/// look-alikes of Đ (U+00D0 "Ð" from Icelandic keyboards and old fonts) made Đ, markdown emphasis
/// markers, zero-width characters and soft hyphens removed, and no-break spaces made spaces.
/// Case and tone placement are left to the token filters, because the tokenizer needs the case
/// to tell "UBND" and "XVIII" from words.
/// </summary>
public static class VietnameseTextNormalizer
{
    // Every char the loop below does anything with: the cases of its switch, the look-alikes of Đ
    // and every combining mark (a char before one starts a cluster). One bit a UTF-16 unit.
    private static readonly ulong[] Special = BuildSpecial();

    /// <summary>Normalizes <paramref name="source"/> into <paramref name="into"/>.</summary>
    public static void Normalize(ReadOnlySpan<char> source, NormalizedText into) => Normalize(source, into, offsets: true);

    /// <summary>
    /// Normalizes <paramref name="source"/> into <paramref name="into"/>, with the map back to the
    /// original offsets only when <paramref name="offsets"/> (the index reads none).
    /// </summary>
    internal static void Normalize(ReadOnlySpan<char> source, NormalizedText into, bool offsets)
    {
        into.Clear(source.Length, offsets);
        var i = 0;
        while (i < source.Length)
        {
            // Most of a text needs nothing: such a run goes over whole. It stops short of a
            // combining mark's base char, whose cluster the step below composes.
            var special = i;
            while (special < source.Length && !IsSpecial(source[special]))
            {
                special++;
            }

            var end = special < source.Length && special > i && IsCombining(source[special]) ? special - 1 : special;
            if (end > i)
            {
                into.AppendRun(source[i..end], i);
                i = end;
                if (i == source.Length)
                {
                    break;
                }
            }

            i = Step(source, i, into);
        }
    }

    /// <summary>Normalizes what starts at <paramref name="i"/> (one char, or a base char and its combining marks); returns where the next step starts.</summary>
    private static int Step(ReadOnlySpan<char> source, int i, NormalizedText into)
    {
        var c = source[i];

        // A base char followed by combining marks: compose the cluster (rare: only NFD input).
        // Not after half of a surrogate pair: alone it is not valid UTF-16 and Normalize
        // throws (an emoji followed by a stray accent); such marks are kept as they are.
        if (i + 1 < source.Length && IsCombining(source[i + 1]) && !IsCombining(c) && !char.IsSurrogate(c))
        {
            var end = i + 1;
            while (end < source.Length && IsCombining(source[end]))
            {
                end++;
            }

            var composed = string.Concat([MapLookalike(c)], source[(i + 1)..end]).Normalize(NormalizationForm.FormC);
            foreach (var ch in composed)
            {
                into.Append(ch, i, end);
            }

            return end;
        }

        switch (c)
        {
            // Markdown emphasis (**bold**, *italics*, __bold__): not part of any word.
            case '*' or '_':
            // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                break;
            case '\u00A0' or '\u202F' or '\u2007':
                into.Append(' ', i, i + 1);
                break;
            default:
                into.Append(MapLookalike(c), i, i + 1);
                break;
        }

        return i + 1;
    }

    private static bool IsSpecial(char c) => (Special[c >> 6] & (1UL << c)) != 0;

    private static ulong[] BuildSpecial()
    {
        var bits = new ulong[0x10000 / 64];
        for (var c = 0; c < 0x10000; c++)
        {
            var ch = (char)c;
            if (IsCombining(ch) || MapLookalike(ch) != ch
                || ch is '*' or '_' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u00A0' or '\u202F' or '\u2007')
            {
                bits[c >> 6] |= 1UL << c;
            }
        }

        return bits;
    }

    /// <summary>Maps letters that look like Đ/đ but are other code points to Đ/đ.</summary>
    private static char MapLookalike(char c) => c switch
    {
        '\u00D0' or '\u0189' => 'Đ', // Ð (eth), Ɖ (African D)
        '\u00F0' or '\u0256' => 'đ', // ð, ɖ
        _ => c,
    };

    private static bool IsCombining(char c) =>
        c is >= '\u0300' and <= '\u036F' || (c >= '\u0370' && VietnameseAlphabet.IsNonSpacingMark(c));
}
