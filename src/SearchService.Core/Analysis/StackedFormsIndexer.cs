namespace SearchService.Core.Analysis;

/// <summary>
/// Indexes a text as the Vietnamese chain would, on numbers instead of chars: the tokens of
/// <see cref="InternedTokenizer"/> (the tokenizer, lowercase, tone-mark and code-part steps, each
/// term interned once in a <see cref="TermVocabulary"/> kept from document to document, with its
/// folded form's number beside it), then what <see cref="AbbreviationSynonymFilter"/>,
/// <see cref="SyllablePairFilter"/> and <see cref="AccentFoldingFilter"/> stack on them — the
/// abbreviation of a spelled-out phrase, the folded copy, the pair with the previous syllable and
/// the pair's folded copy — named by those numbers. A form the sink already holds for this
/// document is passed on by the sink's number; only a form new to the document is spelled out.
/// The sink gets the same terms, at the same positions, with the same positions marks, in the
/// same order as the chain's stream would give it.
/// </summary>
/// <remarks>
/// About four of every five tokens of a document are stacked forms (folded copies and pairs) and
/// most of its tokens repeat terms it already had, so this spares building, folding, hashing and
/// comparing their chars. Every token before the stacking keeps its positions (the tokenizer marks
/// each so, and neither the code parts nor the synonyms change it).
/// </remarks>
internal sealed class StackedFormsIndexer
{
    /// <summary>Past this many interned terms (numbers, codes and rare words keep coming) the vocabulary starts again; about 15 MB.</summary>
    public const int MaxVocabulary = 1 << 18;

    private readonly TermVocabulary _vocabulary = new();
    private readonly InternedTokenizer _tokens = new();
    private TermFacts[] _terms = new TermFacts[1024]; // per vocabulary number
    private PairSlot[] _pairs = new PairSlot[4096]; // the pairs of this document, hashed by their syllables' numbers
    private int _pairCount;
    private int _stamp;
    private ITermSink? _sink;
    private int _sinkGeneration;
    private char[] _scratch = new char[64];

    /// <summary>
    /// Feeds every token of normalized <paramref name="text"/> and its stacked forms to
    /// <paramref name="sink"/> (see <see cref="AnalysisPipeline.Index"/>), with the code-part and
    /// synonym steps when asked.
    /// </summary>
    public int Index(NormalizedText text, bool codeParts, bool synonyms, int positionBase, ITermSink sink, out int length)
    {
        BeginText(sink);
        var tokens = _tokens;
        tokens.Scan(text.Chars, codeParts, this);
        var position = positionBase - 1;
        length = 0;
        var previous = -1;
        var count = tokens.Count;
        for (var t = 0; t < count; t++)
        {
            var increment = tokens.Increment(t);
            position += increment;
            if (increment > 0)
            {
                length++;
            }

            var at = Math.Max(position, 0);
            var term = tokens.Term(t);
            var type = tokens.Type(t);
            Stack(term, type, increment, tokens.FollowsBreak(t), at, ref previous);
            if (synonyms && increment > 0 && type == TokenType.Syllable && _terms[term].PhraseStart is { } phrases
                && MatchPhrase(phrases, t) is { } abbreviation)
            {
                // AbbreviationSynonymFilter: the abbreviation stacked on the phrase's first syllable.
                Stack(Intern(abbreviation), TokenType.Synonym, 0, false, at, ref previous);
            }
        }

        return position;
    }

    /// <summary>The number of <paramref name="term"/> in the vocabulary, interning it (and its folded form) when new.</summary>
    public int Intern(ReadOnlySpan<char> term)
    {
        var id = _vocabulary.Intern(term, out var added);
        if (!added)
        {
            return id;
        }

        if (id >= _terms.Length)
        {
            Array.Resize(ref _terms, _terms.Length * 2);
        }

        var folded = -1;
        if (VietnameseAlphabet.NeedsFolding(term))
        {
            var chars = Scratch(term.Length);
            VietnameseAlphabet.FoldInto(term, chars);
            folded = Intern(chars);
        }

        _terms[id] = new TermFacts { Folded = folded, PhraseStart = SynonymPhraseTrie.Default.Next(_vocabulary.Term(folded >= 0 ? folded : id)) };
        return id;
    }

    /// <summary>The chars of term <paramref name="id"/>; valid until the next <see cref="Intern"/>.</summary>
    public ReadOnlySpan<char> Term(int id) => _vocabulary.Term(id);

    /// <summary>Terms interned so far (since the vocabulary last started again).</summary>
    public int VocabularySize => _vocabulary.Count;

    /// <summary>Spellings the tokenizer remembers (<see cref="InternedTokenizer"/>).</summary>
    public int RememberedSpellings => _tokens.Spellings;

    /// <summary>
    /// What <see cref="AccentFoldingFilter"/> and <see cref="SyllablePairFilter"/> make of a token
    /// (term <paramref name="term"/>, at <paramref name="position"/>, keeping its positions): its
    /// folded copy, and for a syllable the pairs with <paramref name="previous"/>, the syllable
    /// before it (−1 when none can pair), which this then moves on.
    /// </summary>
    private void Stack(int term, TokenType type, int increment, bool followsBreak, int position, ref int previous)
    {
        var folded = type is TokenType.Number or TokenType.Date or TokenType.Roman or TokenType.Folded ? -1 : _terms[term].Folded;
        if (folded >= 0)
        {
            // One position stream a word: the folded copy carries it (AccentFoldingFilter).
            AddTerm(term, position, false);
            AddTerm(folded, position, true);
        }
        else
        {
            AddTerm(term, position, true);
        }

        // SyllablePairFilter: stacked tokens neither make nor break a pair.
        if (increment == 0)
        {
            return;
        }

        if (type != TokenType.Syllable)
        {
            previous = -1;
            return;
        }

        if (previous >= 0 && increment == 1)
        {
            AddPair(previous, term, followsBreak, position);
            var foldedPrevious = _terms[previous].Folded;
            if (foldedPrevious >= 0 || folded >= 0)
            {
                AddPair(foldedPrevious >= 0 ? foldedPrevious : previous, folded >= 0 ? folded : term, followsBreak, position);
            }
        }

        previous = term;
    }

    /// <summary>
    /// The abbreviation of the longest phrase that starts at token <paramref name="first"/>, whose
    /// folded syllable leads to <paramref name="node"/>, and goes on through the syllables after it
    /// (as <see cref="AbbreviationSynonymFilter"/> matches); null when none does.
    /// </summary>
    private string? MatchPhrase(SynonymPhraseTrie? node, int first)
    {
        var tokens = _tokens;
        string? abbreviation = null;
        var maxDepth = SynonymPhraseTrie.Default.MaxDepth;
        for (var k = 0; node is not null && k < maxDepth; k++)
        {
            var next = first + 1 + k;
            if (next >= tokens.Count || tokens.Increment(next) != 1 || tokens.Type(next) != TokenType.Syllable)
            {
                break;
            }

            node = node.Next(FoldedTerm(tokens.Term(next)));
            if (node?.Abbreviation is not null)
            {
                abbreviation = node.Abbreviation;
            }
        }

        return abbreviation;
    }

    /// <summary>The chars of term <paramref name="id"/> folded.</summary>
    private ReadOnlySpan<char> FoldedTerm(int id) => _vocabulary.Term(_terms[id].Folded >= 0 ? _terms[id].Folded : id);

    /// <summary>Numbers from an earlier document (or another sink) mean nothing now: a new stamp voids them all at once.</summary>
    private void BeginText(ITermSink sink)
    {
        if (ReferenceEquals(sink, _sink) && sink.Generation == _sinkGeneration)
        {
            return;
        }

        _sink = sink;
        _sinkGeneration = sink.Generation;
        _pairCount = 0;
        if (++_stamp == int.MaxValue)
        {
            _stamp = 1;
            for (var i = 0; i < _terms.Length; i++)
            {
                _terms[i].SinkStamp = 0;
            }

            Array.Clear(_pairs);
        }

        if (_vocabulary.Count > MaxVocabulary)
        {
            _vocabulary.Clear();
            _tokens.Forget();
        }
    }

    private void AddTerm(int term, int position, bool indexPositions)
    {
        ref var facts = ref _terms[term];
        if (facts.SinkStamp == _stamp)
        {
            _sink!.AddAgain(facts.SinkTerm, position);
            return;
        }

        var id = _sink!.Add(_vocabulary.Term(term), TermHash.Mix(_vocabulary.RawHash(term)), position, indexPositions);
        if (id >= 0)
        {
            facts.SinkStamp = _stamp;
            facts.SinkTerm = id;
        }
    }

    /// <summary>The pair of terms <paramref name="first"/> and <paramref name="second"/>: keyed by their numbers, spelled out only when new to the document.</summary>
    private void AddPair(int first, int second, bool broken, int position)
    {
        var key = ((long)first << 32) | ((uint)second << 1) | (broken ? 1u : 0u);
        var pairs = _pairs;
        var mask = pairs.Length - 1;
        var slot = PairSlot.Of(key, mask);
        while (pairs[slot].Stamp == _stamp)
        {
            if (pairs[slot].Key == key)
            {
                _sink!.AddAgain(pairs[slot].Term, position);
                return;
            }

            slot = (slot + 1) & mask;
        }

        var a = _vocabulary.Term(first);
        var b = _vocabulary.Term(second);
        var length = a.Length + 1 + b.Length;
        var pair = Scratch(length);
        a.CopyTo(pair);
        var joiner = broken ? SyllablePairFilter.BrokenJoiner : SyllablePairFilter.Joiner;
        pair[a.Length] = joiner;
        b.CopyTo(pair[(a.Length + 1)..]);
        var hash = TermHash.Mix(TermHash.Join(_vocabulary.RawHash(first), joiner, _vocabulary.RawHash(second), b.Length));

        // A pair is where its two syllables stand together; it keeps no positions (SyllablePairFilter).
        var id = _sink!.Add(pair, hash, position, false);
        if (id < 0)
        {
            return;
        }

        pairs[slot] = new PairSlot { Key = key, Term = id, Stamp = _stamp };
        if (++_pairCount * 2 > pairs.Length)
        {
            GrowPairs();
        }
    }

    private void GrowPairs()
    {
        var old = _pairs;
        var pairs = new PairSlot[old.Length * 2];
        var mask = pairs.Length - 1;
        foreach (var pair in old)
        {
            if (pair.Stamp != _stamp)
            {
                continue;
            }

            var slot = PairSlot.Of(pair.Key, mask);
            while (pairs[slot].Stamp == _stamp)
            {
                slot = (slot + 1) & mask;
            }

            pairs[slot] = pair;
        }

        _pairs = pairs;
    }

    private Span<char> Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new char[Math.Max(length, _scratch.Length * 2)];
        }

        return _scratch.AsSpan(0, length);
    }

    /// <summary>What is known of a vocabulary term, kept together so one cache line serves a token.</summary>
    private struct TermFacts
    {
        /// <summary>The phrases of <see cref="SynonymPhraseTrie.Default"/> its folded form starts, if any.</summary>
        public SynonymPhraseTrie? PhraseStart;

        /// <summary>Its folded form's number, −1 when folding changes nothing.</summary>
        public int Folded;

        /// <summary>The document stamp <see cref="SinkTerm"/> belongs to.</summary>
        public int SinkStamp;

        /// <summary>The sink's number for it in this document.</summary>
        public int SinkTerm;
    }

    /// <summary>A slot of the document's pair table: the pair's key (its syllables' numbers and the joiner), the sink's number for it, the document stamp.</summary>
    private struct PairSlot
    {
        public long Key;
        public int Term;
        public int Stamp;

        /// <summary>The first slot for <paramref name="key"/> in a table of <paramref name="mask"/> + 1 slots.</summary>
        public static int Of(long key, int mask) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> 40) & mask;
    }
}
