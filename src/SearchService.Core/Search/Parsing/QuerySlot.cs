using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// One position of analyzed query text: the word typed there and the tokens the analyzer
/// stacked on it — its folded form, the pair it closes with the previous syllable, and any
/// abbreviation standing for a phrase that starts here.
/// </summary>
internal sealed class QuerySlot
{
    public QuerySlot(AnalyzedToken primary)
    {
        Term = primary.Term;
        Type = primary.Type;
        StartOffset = primary.StartOffset;
        EndOffset = primary.EndOffset;
    }

    public string Term { get; }

    /// <summary>
    /// A pair left at a position of its own because the stop-word filter dropped the word under it
    /// ("mặt_bằng" once "bằng" is dropped): an optional boost, never a required word.
    /// </summary>
    public bool IsOrphanPair => Type == TokenType.Pair;

    public TokenType Type { get; }

    public int StartOffset { get; }

    public int EndOffset { get; }

    public string? Folded { get; set; }

    public string? Pair { get; set; }

    public string? FoldedPair { get; set; }

    public List<(string Term, string? Folded, int EndOffset)> Synonyms { get; } = [];

    /// <summary>Groups analyzed tokens into slots: a token at a new position starts one, stacked tokens attach to it.</summary>
    public static List<QuerySlot> From(IReadOnlyList<AnalyzedToken> tokens)
    {
        var slots = new List<QuerySlot>();
        var last = TokenType.Syllable;
        var position = -1;
        foreach (var token in tokens)
        {
            if (token.Type == TokenType.BrokenPair || (token.Type == TokenType.Folded && last == TokenType.BrokenPair))
            {
                // Syllables across punctuation are no word; phrases make their own (see TextQueryBuilder.Phrase).
                last = token.Type == TokenType.BrokenPair ? TokenType.BrokenPair : last;
                continue;
            }

            if (slots.Count == 0 || token.Position != position)
            {
                slots.Add(new QuerySlot(token));
                position = token.Position;
                last = token.Type;
                continue;
            }

            var slot = slots[^1];
            switch (token.Type)
            {
                case TokenType.Folded when last == TokenType.Pair:
                    slot.FoldedPair ??= token.Term;
                    break;
                case TokenType.Folded when last == TokenType.Synonym && slot.Synonyms.Count > 0:
                    slot.Synonyms[^1] = slot.Synonyms[^1] with { Folded = token.Term };
                    break;
                case TokenType.Folded when last != TokenType.CodePart && slot.IsOrphanPair:
                    slot.FoldedPair ??= token.Term;
                    break;
                case TokenType.Folded when last != TokenType.CodePart:
                    slot.Folded ??= token.Term;
                    break;
                case TokenType.Pair:
                    slot.Pair ??= token.Term;
                    break;
                case TokenType.Synonym:
                    slot.Synonyms.Add((token.Term, null, token.EndOffset));
                    break;
            }

            if (token.Type != TokenType.Folded)
            {
                last = token.Type;
            }
        }

        return slots;
    }
}
