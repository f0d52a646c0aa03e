namespace SearchService.Core.Analysis;

/// <summary>
/// A saved copy of a token, for filters that look ahead or emit extra tokens later. Filters keep
/// a few of these and reuse them, so looking ahead costs no allocation per token.
/// </summary>
public sealed class TokenState
{
    private char[] _term = new char[32];
    private int _termLength;

    /// <summary>The saved term.</summary>
    public ReadOnlySpan<char> Term => _term.AsSpan(0, _termLength);

    /// <summary>The saved type.</summary>
    public TokenType Type { get; set; }

    /// <summary>The saved position increment.</summary>
    public int PositionIncrement { get; set; }

    /// <summary>The saved start offset.</summary>
    public int StartOffset { get; set; }

    /// <summary>The saved end offset.</summary>
    public int EndOffset { get; set; }

    /// <summary>The saved break flag.</summary>
    public bool FollowsBreak { get; set; }

    /// <summary>The saved positions mark (<see cref="TokenAttributes.IndexPositions"/>).</summary>
    public bool IndexPositions { get; set; } = true;

    /// <summary>Replaces the saved term.</summary>
    public void SetTerm(ReadOnlySpan<char> term)
    {
        if (_term.Length < term.Length)
        {
            _term = new char[Math.Max(term.Length, _term.Length * 2)];
        }

        term.CopyTo(_term);
        _termLength = term.Length;
    }
}
