namespace SearchService.Core.Analysis;

/// <summary>
/// Stacks a pair token on every syllable that follows another syllable in the same clause:
/// "giải phóng mặt bằng" adds "giải_phóng", "phóng_mặt", "mặt_bằng". Vietnamese writes words of
/// two or more syllables with spaces, so pairs are what let "giải phóng mặt bằng" rank a document
/// holding the phrase above one with the syllables scattered, without a phrase query's cost.
/// </summary>
/// <remarks>
/// Why pairs and not a dictionary segmenter: pairs need no word list (none with a fit licence
/// is at hand), never mis-segment ("phát triển kinh tế" split wrong makes a dictionary miss the
/// query's words), and cover every two-syllable word and the joins of longer ones; the cost is a
/// bigger term dictionary. A pair sits at the position of its second syllable, with offsets
/// spanning both. No pair is made across punctuation or a paragraph break; there the filter
/// stacks a <see cref="TokenType.BrokenPair"/> ("tế¦văn") instead, so that every two syllables
/// side by side have one or the other: a phrase, which ignores punctuation as positions do, can
/// then look only at documents holding its pairs.
/// </remarks>
public sealed class SyllablePairFilter : TokenFilter
{
    /// <summary>Joins the syllables of a <see cref="TokenType.BrokenPair"/>; never part of a token.</summary>
    public const char BrokenJoiner = '\u00A6';

    /// <summary>Joins the syllables of a <see cref="TokenType.Pair"/>.</summary>
    public const char Joiner = '_';

    /// <summary>True for a pair term, whole or broken at punctuation (it repeats its first syllable's documents).</summary>
    public static bool IsPairTerm(ReadOnlySpan<char> term) => term.IndexOfAny(Joiner, BrokenJoiner) >= 0;

    private char[] _previous = new char[32];
    private int _previousLength = -1;
    private int _previousStart;
    private readonly TokenState _pending = new();
    private bool _hasPending;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public SyllablePairFilter(TokenStream input)
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
        if (attributes.PositionIncrement == 0)
        {
            return true; // stacked tokens neither make nor break a pair
        }

        if (attributes.Type != TokenType.Syllable)
        {
            _previousLength = -1;
            return true;
        }

        var term = attributes.Term;
        if (_previousLength >= 0 && attributes.PositionIncrement == 1)
        {
            // Emit the syllable now and the pair right after it (SwapWithPending sets every field of the pending token).
            _hasPending = true;
            var broken = attributes.FollowsBreak;
            var length = _previousLength + 1 + term.Length;
            Span<char> pair = length <= 128 ? stackalloc char[length] : new char[length];
            _previous.AsSpan(0, _previousLength).CopyTo(pair);
            pair[_previousLength] = broken ? BrokenJoiner : Joiner;
            term.CopyTo(pair[(_previousLength + 1)..]);
            SwapWithPending(pair, attributes.EndOffset, broken ? TokenType.BrokenPair : TokenType.Pair);
        }

        Remember(attributes.Term, attributes.StartOffset);
        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _previousLength = -1;
        _hasPending = false;
    }

    /// <summary>The syllable stays in the attributes and goes out first; the pending token becomes the pair, next.</summary>
    private void SwapWithPending(ReadOnlySpan<char> pair, int endOffset, TokenType type)
    {
        _pending.SetTerm(pair);
        _pending.Type = type;
        _pending.PositionIncrement = 0;
        _pending.StartOffset = _previousStart;
        _pending.EndOffset = endOffset;
        _pending.FollowsBreak = false;

        // A pair is where its two syllables stand together: a two-syllable phrase is answered by
        // the pair's frequency, a longer one verifies adjacency on the syllables' folded forms.
        _pending.IndexPositions = false;
    }

    private void Remember(ReadOnlySpan<char> term, int start)
    {
        if (_previous.Length < term.Length)
        {
            _previous = new char[term.Length * 2];
        }

        term.CopyTo(_previous);
        _previousLength = term.Length;
        _previousStart = start;
    }
}
