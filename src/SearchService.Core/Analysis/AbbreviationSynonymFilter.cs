namespace SearchService.Core.Analysis;

/// <summary>
/// Where the text spells out a phrase that has an administrative abbreviation ("giải phóng mặt
/// bằng", "Uỷ ban nhân dân"), stacks the abbreviation's term on the phrase's first syllable
/// ("gpmb", "ubnd"), with offsets spanning the whole phrase. Text that writes the abbreviation
/// already has that term, so the two forms meet in the index and in queries alike.
/// </summary>
/// <remarks>
/// Phrases are matched on folded syllables, across commas and hyphens ("phòng cháy, chữa cháy",
/// "kinh tế - xã hội"), longest match first. Looking ahead keeps a few saved tokens, reused from
/// a small pool, so matching costs no allocation per token.
/// </remarks>
public sealed class AbbreviationSynonymFilter : TokenFilter
{
    private readonly SynonymPhraseTrie _trie;
    private readonly List<TokenState> _ahead = [];
    private readonly Stack<TokenState> _pool = new();
    private readonly TokenState _first = new();
    private readonly TokenState _synonym = new();
    private readonly char[] _folded = new char[64];
    private int _aheadStart;
    private bool _inputDone;
    private bool _hasSynonym;

    /// <summary>Wraps <paramref name="input"/>, matching the phrases of <paramref name="trie"/> (default: the built-in table).</summary>
    public AbbreviationSynonymFilter(TokenStream input, SynonymPhraseTrie? trie = null)
        : base(input)
    {
        _trie = trie ?? SynonymPhraseTrie.Default;
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (_hasSynonym)
        {
            Attributes.RestoreFrom(_synonym);
            _hasSynonym = false;
            return true;
        }

        if (!NextToken())
        {
            return false;
        }

        if (Attributes.PositionIncrement > 0 && Attributes.Type == TokenType.Syllable)
        {
            TryMatchPhrase();
        }

        return true;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        for (var i = _aheadStart; i < _ahead.Count; i++)
        {
            _pool.Push(_ahead[i]);
        }

        _ahead.Clear();
        _aheadStart = 0;
        _inputDone = false;
        _hasSynonym = false;
    }

    private void TryMatchPhrase()
    {
        var node = _trie.Next(Fold(Attributes.Term));
        if (node is null)
        {
            return;
        }

        Attributes.CaptureInto(_first);
        string? abbreviation = null;
        var matchEnd = 0;
        for (var k = 0; node is not null && k < _trie.MaxDepth; k++)
        {
            var next = Peek(k);
            if (next is null || next.PositionIncrement != 1 || next.Type != TokenType.Syllable)
            {
                break;
            }

            node = node.Next(Fold(next.Term));
            if (node?.Abbreviation is not null)
            {
                abbreviation = node.Abbreviation;
                matchEnd = next.EndOffset;
            }
        }

        Attributes.RestoreFrom(_first);
        if (abbreviation is not null)
        {
            _synonym.SetTerm(abbreviation);
            _synonym.Type = TokenType.Synonym;
            _synonym.PositionIncrement = 0;
            _synonym.StartOffset = _first.StartOffset;
            _synonym.EndOffset = matchEnd;
            _synonym.FollowsBreak = false;
            _synonym.IndexPositions = true;
            _hasSynonym = true;
        }
    }

    /// <summary>Moves to the next token: a looked-ahead one first, else the input's.</summary>
    private bool NextToken()
    {
        if (_aheadStart < _ahead.Count)
        {
            var state = _ahead[_aheadStart++];
            Attributes.RestoreFrom(state);
            _pool.Push(state);
            if (_aheadStart == _ahead.Count)
            {
                _ahead.Clear();
                _aheadStart = 0;
            }

            return true;
        }

        if (_inputDone)
        {
            return false;
        }

        if (Input.IncrementToken())
        {
            return true;
        }

        _inputDone = true;
        return false;
    }

    /// <summary>The k-th token after the current one, reading it from the input if needed; null past the end.</summary>
    private TokenState? Peek(int k)
    {
        while (_ahead.Count - _aheadStart <= k)
        {
            if (_inputDone || !Input.IncrementToken())
            {
                _inputDone = true;
                return null;
            }

            var state = _pool.Count > 0 ? _pool.Pop() : new TokenState();
            Attributes.CaptureInto(state);
            _ahead.Add(state);
        }

        return _ahead[_aheadStart + k];
    }

    private ReadOnlySpan<char> Fold(ReadOnlySpan<char> term)
    {
        if (term.Length > _folded.Length)
        {
            return term; // longer than any syllable in the table: cannot match
        }

        var folded = _folded.AsSpan(0, term.Length);
        VietnameseAlphabet.FoldInto(term, folded);
        return folded;
    }
}
