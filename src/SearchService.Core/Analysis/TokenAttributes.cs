namespace SearchService.Core.Analysis;

/// <summary>
/// The token a chain is currently on. One instance is shared by a tokenizer and all the filters
/// that wrap it (as Lucene's attribute source is), so a filter edits the token in place instead
/// of allocating a new one; the term lives in a reusable char buffer.
/// </summary>
public sealed class TokenAttributes
{
    private char[] _term = new char[32];

    /// <summary>Number of chars of <see cref="TermBuffer"/> in use.</summary>
    public int TermLength { get; set; }

    /// <summary>The term's chars (only the first <see cref="TermLength"/> are the term).</summary>
    public char[] TermBuffer => _term;

    /// <summary>The term as a span over the buffer; valid until the chain moves on.</summary>
    public ReadOnlySpan<char> Term => _term.AsSpan(0, TermLength);

    /// <summary>What kind of token this is.</summary>
    public TokenType Type { get; set; }

    /// <summary>Positions moved from the previous token: 1 for the next word, 0 for a token stacked on the previous one.</summary>
    public int PositionIncrement { get; set; }

    /// <summary>Start of the token in the original text (UTF-16 index), before any normalization.</summary>
    public int StartOffset { get; set; }

    /// <summary>End (exclusive) of the token in the original text.</summary>
    public int EndOffset { get; set; }

    /// <summary>
    /// True when punctuation or a paragraph break separates this token from the previous one, so
    /// filters that join neighbours (syllable pairs) do not join across a sentence or list item.
    /// </summary>
    public bool FollowsBreak { get; set; }

    /// <summary>
    /// Whether the index keeps this token's positions (phrases verify adjacency on them). A tokenizer
    /// sets it for every token it makes; a filter clears it for tokens a phrase never stands on (a
    /// syllable pair, an accented form whose folded copy carries the position), which the index then
    /// keeps with documents and frequencies only. It must depend on the term alone (the same term
    /// is marked alike wherever it occurs): the writer takes a term's first mark in a segment.
    /// </summary>
    public bool IndexPositions { get; set; } = true;

    /// <summary>Replaces the term with <paramref name="term"/>.</summary>
    public void SetTerm(ReadOnlySpan<char> term)
    {
        EnsureTermCapacity(term.Length);
        term.CopyTo(_term);
        TermLength = term.Length;
    }

    /// <summary>Makes the term buffer hold at least <paramref name="length"/> chars, keeping the current term.</summary>
    public char[] EnsureTermCapacity(int length)
    {
        if (_term.Length < length)
        {
            Array.Resize(ref _term, Math.Max(length, _term.Length * 2));
        }

        return _term;
    }

    /// <summary>Copies the whole current token into <paramref name="state"/>.</summary>
    public void CaptureInto(TokenState state)
    {
        state.SetTerm(Term);
        state.Type = Type;
        state.PositionIncrement = PositionIncrement;
        state.StartOffset = StartOffset;
        state.EndOffset = EndOffset;
        state.FollowsBreak = FollowsBreak;
        state.IndexPositions = IndexPositions;
    }

    /// <summary>Makes <paramref name="state"/> the current token.</summary>
    public void RestoreFrom(TokenState state)
    {
        SetTerm(state.Term);
        Type = state.Type;
        PositionIncrement = state.PositionIncrement;
        StartOffset = state.StartOffset;
        EndOffset = state.EndOffset;
        FollowsBreak = state.FollowsBreak;
        IndexPositions = state.IndexPositions;
    }
}
