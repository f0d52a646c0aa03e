using System.Text;
using SearchService.Core.Analysis;

namespace SearchService.Core.Catalog.Suggest;

/// <summary>
/// The form suggestions are matched on: lowercase, accents and tone marks folded away (so the
/// old and new tone styles and accent-less typing all meet), Đ as d, and runs of spaces or the
/// pair joiner '_' as one space. Other punctuation stays, so codes keep their shape ("18-nq/tu").
/// </summary>
public static class SuggestionKey
{
    /// <summary>The key of <paramref name="text"/>.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        var normalized = text.ToString().Normalize(NormalizationForm.FormC);
        var key = new StringBuilder(normalized.Length);
        var space = false;
        foreach (var c in normalized)
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

            key.Append(char.ToLowerInvariant(VietnameseAlphabet.FoldChar(c)));
        }

        return key.ToString();
    }
}
