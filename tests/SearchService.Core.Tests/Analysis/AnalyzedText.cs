using System.Text;
using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// What the analysis tests ask of a text: its tokens and terms through the indexing or query
/// chain, and the term a slice of the original text should give, worked out independently of
/// the analyzer (NFC, invisible chars and emphasis stars dropped, Đ look-alikes mapped,
/// lowercase, canonical tone mark).
/// </summary>
internal static class AnalyzedText
{
    /// <summary>The tokens of <paramref name="text"/> through the indexing chain.</summary>
    public static IReadOnlyList<AnalyzedToken> Tokens(string text) => VietnameseAnalyzer.Indexing.Analyze(text);

    /// <summary>The tokens of <paramref name="text"/> through the query chain.</summary>
    public static IReadOnlyList<AnalyzedToken> QueryTokens(string text) => VietnameseAnalyzer.Query.Analyze(text);

    /// <summary>Every term of <paramref name="text"/> (indexing chain), stacked ones included, in order.</summary>
    public static List<string> Terms(string text) => [.. Tokens(text).Select(t => t.Term)];

    /// <summary>The terms of <paramref name="text"/>'s tokens of one <paramref name="type"/>.</summary>
    public static List<string> Terms(string text, TokenType type) => [.. Tokens(text).Where(t => t.Type == type).Select(t => t.Term)];

    /// <summary>Tokens that are words of the text themselves rather than stacked on one (indexing chain).</summary>
    public static List<AnalyzedToken> Primary(IEnumerable<AnalyzedToken> tokens) =>
        [.. tokens.Where(t => t.Type is not (TokenType.Folded or TokenType.Pair or TokenType.BrokenPair or TokenType.Synonym or TokenType.CodePart))];

    /// <summary>The original chars a token's offsets cover.</summary>
    public static string Slice(string original, AnalyzedToken token) => original[token.StartOffset..token.EndOffset];

    /// <summary>The term that a primary token covering <paramref name="slice"/> should have.</summary>
    public static string ExpectedTerm(string slice, TokenType type)
    {
        var composed = slice.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            switch (c)
            {
                case '*' or '_' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break;
                case '\u00D0' or '\u0189' or '\u00F0' or '\u0256':
                    builder.Append('đ');
                    break;
                default:
                    builder.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        var chars = builder.ToString().ToCharArray();
        if (type is TokenType.Syllable or TokenType.Word)
        {
            ToneMarkNormalizer.Canonicalize(chars);
        }

        return new string(chars);
    }

    /// <summary>The term without accents or tone, lowercase.</summary>
    public static string Fold(string term) => VietnameseAlphabet.FoldString(term);
}
