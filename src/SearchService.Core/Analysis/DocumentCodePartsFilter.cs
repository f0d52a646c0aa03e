namespace SearchService.Core.Analysis;

/// <summary>
/// Keeps a document code whole ("18-nq/tu") and stacks its parts on it ("18", "nq", "tu"), so a
/// code is findable whole and by parts: "NQ 18" or "nghị quyết 18" typed by a user reaches
/// "18-NQ/TU" in the text. Parts carry the whole code's offsets: a highlight of a part marks the
/// code it belongs to.
/// </summary>
public sealed class DocumentCodePartsFilter : TokenFilter
{
    private readonly TokenState _code = new();
    private int _nextPart = -1;

    /// <summary>Wraps <paramref name="input"/>.</summary>
    public DocumentCodePartsFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_nextPart >= 0 && EmitNextPart())
        {
            return true;
        }

        _nextPart = -1;
        if (!Input.IncrementToken())
        {
            return false;
        }

        if (Attributes.Type == TokenType.Code)
        {
            Attributes.CaptureInto(_code);
            _nextPart = 0;
        }

        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _nextPart = -1;
    }

    /// <summary>
    /// The next part of <paramref name="code"/> from <paramref name="from"/> on (the chars between
    /// '-' and '/'), moving <paramref name="from"/> past it; false when no part is left.
    /// </summary>
    internal static bool NextPart(ReadOnlySpan<char> code, ref int from, out Range part)
    {
        while (from < code.Length)
        {
            var start = from;
            var end = start;
            while (end < code.Length && code[end] is not ('-' or '/'))
            {
                end++;
            }

            from = end + 1;
            if (end > start)
            {
                part = start..end;
                return true;
            }
        }

        part = default;
        return false;
    }

    private bool EmitNextPart()
    {
        var code = _code.Term;
        if (!NextPart(code, ref _nextPart, out var part))
        {
            return false;
        }

        Attributes.SetTerm(code[part]);
        Attributes.Type = TokenType.CodePart;
        Attributes.PositionIncrement = 0;
        Attributes.StartOffset = _code.StartOffset;
        Attributes.EndOffset = _code.EndOffset;
        Attributes.FollowsBreak = false;
        return true;
    }
}
