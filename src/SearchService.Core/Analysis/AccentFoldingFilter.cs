namespace SearchService.Core.Analysis;

/// <summary>
/// Stacks an accent-free copy on every token that has accents: "nông" also gives "nong", "đất"
/// gives "dat", "giải_phóng" gives "giai_phong", "06/qđ-ttg" gives "06/qd-ttg". Queries typed
/// without accents then match, while the exact form stays in the index for ranking exact matches
/// first.
/// </summary>
public sealed class AccentFoldingFilter : TokenFilter
{
    private readonly TokenState _pending = new();
    private bool _hasPending;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public AccentFoldingFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_hasPending)
        {
            Attributes.RestoreFrom(_pending);
            _hasPending = false;
            return true;
        }

        if (!Input.IncrementToken())
        {
            return false;
        }

        var attributes = Attributes;
        if (attributes.Type is TokenType.Number or TokenType.Date or TokenType.Roman or TokenType.Folded)
        {
            return true;
        }

        var term = attributes.Term;
        if (!VietnameseAlphabet.NeedsFolding(term))
        {
            return true;
        }

        Span<char> folded = term.Length <= 128 ? stackalloc char[term.Length] : new char[term.Length];
        VietnameseAlphabet.FoldInto(term, folded);
        _pending.SetTerm(folded);
        _pending.Type = TokenType.Folded;
        _pending.PositionIncrement = 0;
        _pending.StartOffset = attributes.StartOffset;
        _pending.EndOffset = attributes.EndOffset;
        _pending.FollowsBreak = false;

        // One position stream a word: the folded copy carries it (and every form folding to it),
        // the accented form keeps documents and frequencies; an exact phrase finds candidates by
        // the accented forms and verifies adjacency on the folded ones.
        _pending.IndexPositions = attributes.IndexPositions;
        attributes.IndexPositions = false;
        _hasPending = true;
        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _hasPending = false;
    }
}
