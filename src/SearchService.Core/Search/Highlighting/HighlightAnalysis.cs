using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Highlighting;

/// <summary>
/// What the <see cref="Highlighter"/> needs to know of the analyzer a field was indexed with: the
/// chain itself (to find the tokens, with offsets into the original text, whose terms a query
/// matched) and a cheap way to find where such tokens can start (so only the text around those
/// places is analysed, not the whole field).
/// </summary>
/// <remarks>
/// The contract that keeps the cheap way exact: every token whose term is <c>t</c> starts where one
/// of <see cref="TryAddAnchors"/>'s anchors for <c>t</c> occurs in the <see cref="FoldedView"/>, at a
/// place where the view's previous char is not a letter or digit of the same kind, and the
/// analysis of a stretch that starts at a whitespace boundary before such a place and ends at a
/// whitespace boundary the anchor's reach of words past it gives that token as the whole text's
/// analysis does.
/// </remarks>
public abstract class HighlightAnalysis
{
    /// <summary>
    /// The tokens of <paramref name="text"/>, offsets relative to its start. The stream may be
    /// reused: read it to the end before the next call on the same thread.
    /// </summary>
    public abstract TokenStream Tokens(ReadOnlySpan<char> text);

    /// <summary>
    /// Writes into <paramref name="folded"/> the chars of <paramref name="text"/> as anchors are
    /// spelled (lowercase, folded; chars the chain drops left out) and into
    /// <paramref name="offsets"/> each one's index in <paramref name="text"/>. Both spans are at
    /// least as long as the text. Returns the view's length, or -1 when the text needs the chain's
    /// whole-text normalisation (decomposed accents, say) and must be analysed whole.
    /// </summary>
    public abstract int FoldedView(ReadOnlySpan<char> text, Span<char> folded, Span<int> offsets);

    /// <summary>
    /// Adds to <paramref name="anchors"/> what the view shows where a token of
    /// <paramref name="term"/> starts, each with its reach: how many more words (runs of non-space
    /// chars holding a letter or digit) past the one at that place the chain must see to make the
    /// token (0 for a token within its own run, 1 for a pair, a phrase's length for a synonym
    /// stacked on a phrase); an anchor already there keeps the longer reach. False when the term has no such anchor (the text is then analysed whole).
    /// </summary>
    public abstract bool TryAddAnchors(string term, IDictionary<string, int> anchors);
}
