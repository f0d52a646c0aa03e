namespace SearchService.Core.Analysis;

/// <summary>
/// Drops stop-word syllables from a query's loose words, keeping the position gap they leave.
/// </summary>
/// <remarks>
/// Used at query time only. The index keeps every syllable, so a phrase such as "Nghị quyết số
/// 18" still matches exactly with its "số", and the pairs made before this filter ("quyết_số")
/// still carry the adjacency; dropping stop words from the index would make such phrases
/// unmatchable. Pairs and other stacked tokens are never dropped.
/// </remarks>
public sealed class StopWordFilter : TokenFilter
{
    /// <summary>Wraps <paramref name="input"/>.</summary>
    public StopWordFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        var skipped = 0;
        while (Input.IncrementToken())
        {
            var attributes = Attributes;
            if (attributes.Type == TokenType.Syllable && attributes.PositionIncrement > 0 && VietnameseStopWords.Contains(attributes.Term))
            {
                skipped += attributes.PositionIncrement;
                continue;
            }

            attributes.PositionIncrement += skipped;
            return true;
        }

        return false;
    }
}
