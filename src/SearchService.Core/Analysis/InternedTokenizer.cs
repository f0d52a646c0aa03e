namespace SearchService.Core.Analysis;

/// <summary>
/// For the index, what <see cref="VietnameseTokenizer"/>, <see cref="LowerCaseFilter"/>,
/// <see cref="ToneMarkFilter"/> and <see cref="DocumentCodePartsFilter"/> give for a whole text,
/// each token's term as its number in the vocabulary of a <see cref="StackedFormsIndexer"/>: the
/// same terms and types in the same order. A word is remembered by its spelling in the text
/// ("Thường", "THƯỜNG" and "thường" are three spellings): the next time that spelling comes,
/// one lookup gives its term number and type, instead of classifying its chars, lowercasing them,
/// placing the tone mark and interning the term again.
/// </summary>
/// <remarks>
/// Only a token that starts with a letter and ends where its run of letters and digits ends is
/// remembered, and only up to <see cref="MaxRememberedLength"/> chars: its type then depends on
/// its chars alone. The one exception is a word in capitals followed by a hyphen and a capital,
/// which the tokenizer may join with the next group ("KT-XH"); such a word is scanned anew
/// there. Numbers, dates and codes depend on the chars around them and are always scanned. Offsets
/// are not kept: the index does not read them.
/// </remarks>
internal sealed class InternedTokenizer
{
    /// <summary>The longest spelling remembered, in chars; longer words are scanned each time.</summary>
    public const int MaxRememberedLength = 32;

    /// <summary>Past this many spellings the memory starts again (up to about 6 MB a thread by then): foreign words and names keep coming.</summary>
    public const int MaxSpellings = 1 << 16;

    private const int Stacked = 1 << 8; // a token at the previous token's position (a code's part)
    private const int Break = 1 << 9; // TokenAttributes.FollowsBreak

    private readonly TermVocabulary _spellings = new();
    private int[] _spellingTerm = new int[1024]; // per spelling: its term's number in the vocabulary
    private byte[] _spellingType = new byte[1024]; // per spelling: its TokenType
    private bool[] _spellingJoins = new bool[1024]; // per spelling: in capitals, so a hyphen and a capital after it may join the next group
    private int[] _terms = new int[1024];
    private int[] _kinds = new int[1024]; // per token: TokenType | Stacked | Break
    private char[] _scratch = new char[64];

    /// <summary>Tokens of the last text scanned.</summary>
    public int Count { get; private set; }

    /// <summary>How many spellings are remembered.</summary>
    public int Spellings => _spellings.Count;

    /// <summary>Term number of token <paramref name="token"/>.</summary>
    public int Term(int token) => _terms[token];

    /// <summary>Type of token <paramref name="token"/>.</summary>
    public TokenType Type(int token) => (TokenType)(byte)_kinds[token];

    /// <summary>Position increment of token <paramref name="token"/>: 0 for a code's part, else 1.</summary>
    public int Increment(int token) => (_kinds[token] & Stacked) != 0 ? 0 : 1;

    /// <summary><see cref="TokenAttributes.FollowsBreak"/> of token <paramref name="token"/>.</summary>
    public bool FollowsBreak(int token) => (_kinds[token] & Break) != 0;

    /// <summary>Forgets every spelling (the vocabulary their numbers name has been cleared).</summary>
    public void Forget() => _spellings.Clear();

    /// <summary>Tokenizes normalized text <paramref name="s"/>, interning terms into <paramref name="vocabulary"/>; read the tokens with <see cref="Term"/> and the others.</summary>
    public void Scan(ReadOnlySpan<char> s, bool codeParts, StackedFormsIndexer vocabulary)
    {
        if (_spellings.Count > MaxSpellings)
        {
            _spellings.Clear();
        }

        Count = 0;
        var n = s.Length;
        var i = 0;
        while (true)
        {
            i = VietnameseTokenizer.SkipSeparators(s, i, out var followsBreak);
            if (i >= n)
            {
                return;
            }

            var start = i;
            var remembered = -1;
            var runEnd = 0;
            if (!VietnameseTokenizer.IsDigit(s[start]))
            {
                runEnd = start + 1;
                while (runEnd < n && VietnameseAlphabet.IsLetterOrDigit(s[runEnd]))
                {
                    runEnd++;
                }

                if (runEnd - start <= MaxRememberedLength)
                {
                    remembered = _spellings.Find(s[start..runEnd]);
                    if (remembered >= 0 && !(_spellingJoins[remembered] && JoinsNextGroup(s, runEnd)))
                    {
                        Add(_spellingTerm[remembered], (TokenType)_spellingType[remembered], followsBreak, stacked: false);
                        i = runEnd;
                        continue;
                    }
                }
            }

            var (end, type) = VietnameseTokenizer.Scan(s, start);
            var term = Intern(s[start..end], type, vocabulary);
            Add(term, type, followsBreak, stacked: false);
            if (remembered < 0 && end == runEnd && end - start <= MaxRememberedLength)
            {
                // The token is the whole run of letters: its type follows from its chars alone.
                Remember(s[start..end], term, type);
            }

            if (codeParts && type == TokenType.Code)
            {
                AddCodeParts(vocabulary.Term(term), vocabulary);
            }

            i = end;
        }
    }

    /// <summary>Whether a hyphen and a capital follow <paramref name="end"/>, where the tokenizer tries to join a word in capitals with the next group.</summary>
    private static bool JoinsNextGroup(ReadOnlySpan<char> s, int end) =>
        end + 1 < s.Length && s[end] == '-' && VietnameseAlphabet.IsUpper(s[end + 1]);

    /// <summary>The number of the term the lowercase and tone-mark filters make of <paramref name="surface"/>.</summary>
    private int Intern(ReadOnlySpan<char> surface, TokenType type, StackedFormsIndexer vocabulary)
    {
        var term = Scratch(surface.Length);
        surface.CopyTo(term);
        LowerCaseFilter.Lower(term);
        if (type is TokenType.Syllable or TokenType.Word)
        {
            ToneMarkNormalizer.Canonicalize(term);
        }

        return vocabulary.Intern(term);
    }

    private void AddCodeParts(ReadOnlySpan<char> code, StackedFormsIndexer vocabulary)
    {
        // The code's chars live in the vocabulary, which interning a part may move: copy them out.
        var chars = Scratch(code.Length);
        code.CopyTo(chars);
        var from = 0;
        while (DocumentCodePartsFilter.NextPart(chars, ref from, out var part))
        {
            Add(vocabulary.Intern(chars[part]), TokenType.CodePart, followsBreak: false, stacked: true);
        }
    }

    private void Remember(ReadOnlySpan<char> surface, int term, TokenType type)
    {
        var spelling = _spellings.Intern(surface, out _);
        if (spelling >= _spellingTerm.Length)
        {
            var size = _spellingTerm.Length * 2;
            Array.Resize(ref _spellingTerm, size);
            Array.Resize(ref _spellingType, size);
            Array.Resize(ref _spellingJoins, size);
        }

        var capitals = true;
        foreach (var c in surface)
        {
            capitals &= !VietnameseTokenizer.IsDigit(c) && VietnameseAlphabet.IsUpper(c);
        }

        _spellingTerm[spelling] = term;
        _spellingType[spelling] = (byte)type;
        _spellingJoins[spelling] = capitals;
    }

    private void Add(int term, TokenType type, bool followsBreak, bool stacked)
    {
        if (Count == _terms.Length)
        {
            Array.Resize(ref _terms, Count * 2);
            Array.Resize(ref _kinds, Count * 2);
        }

        _terms[Count] = term;
        _kinds[Count++] = (int)type | (stacked ? Stacked : 0) | (followsBreak ? Break : 0);
    }

    private Span<char> Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }

        return _scratch.AsSpan(0, length);
    }
}
