using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// The stop words as they read typed without marks ("cua", "duoc", "cac", "nhung"): the query
/// chain drops "của" but cannot tell "cua" from a content word, so a question typed without marks
/// would require words its accented twin does not. A query word in this set is kept optional.
/// </summary>
internal static class UnmarkedStopWords
{
    private static readonly HashSet<string> Words = Build();

    /// <summary>True when <paramref name="term"/> (a query word without marks) is how a stop word reads unmarked.</summary>
    public static bool Contains(string term) => Words.Contains(term);

    private static HashSet<string> Build()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in VietnameseStopWords.All)
        {
            var folded = VietnameseAlphabet.FoldString(word);
            if (folded != word)
            {
                words.Add(folded);
            }
        }

        return words;
    }
}
