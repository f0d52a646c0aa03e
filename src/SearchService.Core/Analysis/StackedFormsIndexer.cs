namespace SearchService.Core.Analysis;

/// <summary>
/// Does for the index what <see cref="SyllablePairFilter"/> and then <see cref="AccentFoldingFilter"/>
/// do at the end of a chain, on numbers instead of chars: each token of the chain before them is
/// interned once (<see cref="TermVocabulary"/>, kept from document to document, with its folded
/// form's number beside it), and the stacked forms — the folded copy, the pair with the previous
/// syllable and the pair's folded copy — are named by those numbers. A form the sink already holds
/// for this document is passed on by the sink's number; only a form new to the document is spelled
/// out. The sink gets the same terms, at the same positions, with the same positions marks, in
/// the same order as the two filters would give it.
/// </summary>
/// <remarks>
/// About four of every five tokens of a document are stacked forms (folded copies and pairs) and
/// most of its tokens repeat terms it already had, so this spares building, folding, hashing and
/// comparing their chars.
/// </remarks>
internal sealed class StackedFormsIndexer
{
    /// <summary>Past this many interned terms (numbers, codes and rare words keep coming) the vocabulary starts again; about 15 MB.</summary>
    private const int MaxVocabulary = 1 << 18;

    private readonly TermVocabulary _vocabulary = new();
    private int[] _foldedOf = new int[1024]; // per vocabulary number: its folded form's number, −1 when folding changes nothing
    private int[] _sinkTermOf = new int[1024]; // per vocabulary number: the sink's number for it in this document
    private int[] _sinkStamp = new int[1024]; // per vocabulary number: the document stamp _sinkTermOf belongs to
    private long[] _pairKeys = new long[4096];
    private int[] _pairTerms = new int[4096];
    private int[] _pairStamps = new int[4096];
    private int _pairCount;
    private int _stamp;
    private ITermSink? _sink;
    private int _sinkGeneration;
    private char[] _scratch = new char[64];

    /// <summary>Feeds every token of <paramref name="stream"/> and its stacked forms to <paramref name="sink"/> (see <see cref="AnalysisPipeline.Index"/>).</summary>
    public int Index(TokenStream stream, int positionBase, ITermSink sink, out int length)
    {
        BeginText(sink);
        var attributes = stream.Attributes;
        var position = positionBase - 1;
        length = 0;
        var previous = -1;
        while (stream.IncrementToken())
        {
            var increment = attributes.PositionIncrement;
            position += increment;
            if (increment > 0)
            {
                length++;
            }

            var at = Math.Max(position, 0);
            var type = attributes.Type;
            var term = Intern(attributes.Term);
            var folded = type is TokenType.Number or TokenType.Date or TokenType.Roman or TokenType.Folded ? -1 : _foldedOf[term];
            if (folded >= 0)
            {
                // One position stream a word: the folded copy carries it (AccentFoldingFilter).
                AddTerm(term, at, false);
                AddTerm(folded, at, attributes.IndexPositions);
            }
            else
            {
                AddTerm(term, at, attributes.IndexPositions);
            }

            // SyllablePairFilter: stacked tokens neither make nor break a pair.
            if (increment == 0)
            {
                continue;
            }

            if (type != TokenType.Syllable)
            {
                previous = -1;
                continue;
            }

            if (previous >= 0 && increment == 1)
            {
                var broken = attributes.FollowsBreak;
                AddPair(previous, term, broken, at);
                var foldedPrevious = _foldedOf[previous];
                if (foldedPrevious >= 0 || folded >= 0)
                {
                    AddPair(foldedPrevious >= 0 ? foldedPrevious : previous, folded >= 0 ? folded : term, broken, at);
                }
            }

            previous = term;
        }

        return position;
    }

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
            Array.Clear(_sinkStamp);
            Array.Clear(_pairStamps);
        }

        if (_vocabulary.Count > MaxVocabulary)
        {
            _vocabulary.Clear();
        }
    }

    private int Intern(ReadOnlySpan<char> term)
    {
        var id = _vocabulary.Intern(term, out var added);
        if (!added)
        {
            return id;
        }

        if (id >= _foldedOf.Length)
        {
            var size = _foldedOf.Length * 2;
            Array.Resize(ref _foldedOf, size);
            Array.Resize(ref _sinkTermOf, size);
            Array.Resize(ref _sinkStamp, size);
        }

        _sinkStamp[id] = 0;
        _foldedOf[id] = -1;
        if (VietnameseAlphabet.NeedsFolding(term))
        {
            var folded = Scratch(term.Length);
            VietnameseAlphabet.FoldInto(term, folded);
            var foldedId = Intern(folded);
            _foldedOf[id] = foldedId;
        }

        return id;
    }

    private void AddTerm(int term, int position, bool indexPositions)
    {
        if (_sinkStamp[term] == _stamp)
        {
            _sink!.AddAgain(_sinkTermOf[term], position);
            return;
        }

        var id = _sink!.Add(_vocabulary.Term(term), TermHash.Mix(_vocabulary.RawHash(term)), position, indexPositions);
        if (id >= 0)
        {
            _sinkStamp[term] = _stamp;
            _sinkTermOf[term] = id;
        }
    }

    /// <summary>The pair of terms <paramref name="first"/> and <paramref name="second"/>: keyed by their numbers, spelled out only when new to the document.</summary>
    private void AddPair(int first, int second, bool broken, int position)
    {
        var key = ((long)first << 32) | ((uint)second << 1) | (broken ? 1u : 0u);
        var mask = _pairKeys.Length - 1;
        var slot = (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> 40) & mask;
        while (_pairStamps[slot] == _stamp)
        {
            if (_pairKeys[slot] == key)
            {
                _sink!.AddAgain(_pairTerms[slot], position);
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

        _pairKeys[slot] = key;
        _pairTerms[slot] = id;
        _pairStamps[slot] = _stamp;
        if (++_pairCount * 2 > _pairKeys.Length)
        {
            GrowPairs();
        }
    }

    private void GrowPairs()
    {
        var keys = _pairKeys;
        var terms = _pairTerms;
        var stamps = _pairStamps;
        var size = keys.Length * 2;
        _pairKeys = new long[size];
        _pairTerms = new int[size];
        _pairStamps = new int[size];
        var mask = size - 1;
        for (var s = 0; s < keys.Length; s++)
        {
            if (stamps[s] != _stamp)
            {
                continue;
            }

            var slot = (int)((ulong)(keys[s] * unchecked((long)0x9E3779B97F4A7C15UL)) >> 40) & mask;
            while (_pairStamps[slot] == _stamp)
            {
                slot = (slot + 1) & mask;
            }

            _pairKeys[slot] = keys[s];
            _pairTerms[slot] = terms[s];
            _pairStamps[slot] = _stamp;
        }
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
