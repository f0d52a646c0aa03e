using System.Text;

namespace SearchService.Core.Analysis;

/// <summary>
/// The one comparison form of names and values typed by people: composed (NFC), accents and tone
/// marks folded away (Đ as d), lower case. So "Từ Sơn", "tu son" and a decomposed "Từ Sơn" meet,
/// in the old and the new tone style alike. Two shapes, for the two ways values are compared.
/// </summary>
public static class FoldedKey
{
    /// <summary>
    /// Words kept apart: runs of white space (and the pair joiner '_') become one space, leading
    /// and trailing ones go; other punctuation stays, so codes keep their shape ("18-nq/tu").
    /// Gazetteer names and suggestions are compared in this form.
    /// </summary>
    public static string Words(string text)
    {
        var composed = Compose(text);
        var key = new StringBuilder(composed.Length);
        var space = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c) || c == '_')
            {
                space = key.Length > 0;
                continue;
            }

            if (space)
            {
                key.Append(' ');
                space = false;
            }

            key.Append(Fold(c));
        }

        return key.ToString();
    }

    /// <summary>
    /// Letters and digits only: spaces, hyphens and every other mark go, so "Quế Võ", "que-vo" and
    /// "QUEVO" are one key. Keyword filters and the parts of document codes are compared in this form.
    /// </summary>
    public static string Compact(string text)
    {
        var composed = Compose(text);
        var key = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            var folded = Fold(c);
            if (char.IsLetterOrDigit(folded))
            {
                key.Append(folded);
            }
        }

        return key.ToString();
    }

    private static string Compose(string text)
    {
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static char Fold(char c) => char.ToLowerInvariant(VietnameseAlphabet.FoldChar(c));
}
