using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Documents holding a phrase (within a slop), scored by BM25 on the phrase frequency. Candidates
/// are found by leapfrogging the spans' postings and those of the words no span covers like a
/// conjunction, shortest first (the spans — pairs, accented forms — are far shorter than the
/// words' folded forms); the words a span covers are moved to a candidate only when it is
/// confirmed, so a candidate its spans' frequencies already bound below the competitive score
/// costs no word postings (a broad phrase's words are its longest lists). Positions are read only
/// for documents that hold every word and span, and never for a phrase of one word whose terms
/// have none.
/// The frequency is at most each span's (see <see cref="Queries.PhraseSpan"/>). A strict reading
/// (<see cref="Queries.PhraseStrictReading"/>) is scored on top from the same positions.
/// </summary>
public sealed class PhraseScorer : Scorer
{
    private readonly PhrasePosition[] _words;
    private readonly PhrasePosition[] _spans;
    private readonly PhraseStrictPart _strict;
    private readonly PhrasePosition[] _byCost;

    // The words a span covers: moved to a candidate only when it is confirmed.
    private readonly PhrasePosition[] _lazy;
    private readonly bool[] _covered;
    private readonly SegmentReader _segment;
    private readonly int _field;
    private readonly float[] _lengthTable;
    private readonly float _weight;
    private readonly int _slop;
    private readonly float _maxScore;
    private int _doc = -1;
    private float _freq;
    private float _strictFreq;
    private float _minScore;

    // The last BlockBound's answer and its target (-1: none since the spans and uncovered words last
    // moved): a disjunction's pivot and the top-hits loop ask AdvanceShallow and MaxScore for the same document.
    private int _boundTarget = -1;
    private bool _boundHolds;
    private int _boundUpTo;
    private long _boundFreq;
    private byte _boundNorm;

    internal PhraseScorer(PhrasePosition[] words, PhrasePosition[] spans, bool[] covered, PhraseStrictPart strict, int slop, SegmentReader segment, int field, float[] lengthTable, float weight)
    {
        _words = words;
        _spans = spans;
        _strict = strict;
        _covered = spans.Length > 0 ? covered : new bool[words.Length];
        _lazy = [.. words.Where((_, i) => _covered[i])];
        _byCost = [.. words.Where((_, i) => !_covered[i]), .. spans];
        Array.Sort(_byCost, static (a, b) => a.Cost.CompareTo(b.Cost));
        _slop = slop;
        _segment = segment;
        _field = field;
        _lengthTable = lengthTable;
        _weight = weight;
        var smallest = float.MaxValue;
        foreach (var part in lengthTable)
        {
            smallest = Math.Min(smallest, part);
        }

        // Frequency grows without bound in theory; the BM25 limit is the weight itself.
        _maxScore = Math.Max(weight, Bm25Similarity.Score(weight, 1e9f, smallest));
        if (strict.Weight > 0)
        {
            _maxScore += Math.Max(strict.Weight, Bm25Similarity.Score(strict.Weight, 1e9f, smallest));
        }
    }

    /// <summary>The phrase frequency of the current document.</summary>
    public float Frequency => _freq;

    /// <summary>The strict reading's frequency in the current document (0 when it does not hold).</summary>
    public float StrictFrequency => _strictFreq;

    /// <inheritdoc />
    public override int DocId => _doc;

    /// <inheritdoc />
    public override long Cost => _byCost[0].Cost;

    /// <inheritdoc />
    public override int NextDoc() => Advance(_doc + 1);

    /// <inheritdoc />
    public override int Advance(int target)
    {
        while (true)
        {
            var doc = AdvanceCandidate(target);
            if (doc == NoMoreDocs)
            {
                return doc;
            }

            // Alone at the top, skip candidates that cannot compete before reading their positions.
            if ((_minScore <= 0 || CandidateMaxScore() >= _minScore) && ConfirmCandidate())
            {
                return doc;
            }

            target = doc + 1;
        }
    }

    /// <inheritdoc />
    public override bool IsTwoPhase => true;

    /// <inheritdoc />
    public override int AdvanceCandidate(int target)
    {
        var doc = _byCost[0].Advance(target);
        while (doc != NoMoreDocs)
        {
            var aligned = true;
            for (var i = 1; i < _byCost.Length; i++)
            {
                var at = _byCost[i].DocId < doc ? _byCost[i].Advance(doc) : _byCost[i].DocId;
                if (at > doc)
                {
                    doc = _byCost[0].Advance(at);
                    aligned = false;
                    break;
                }
            }

            if (aligned)
            {
                break;
            }
        }

        _freq = 0;
        _strictFreq = 0;
        _boundTarget = -1;
        return _doc = doc;
    }

    /// <inheritdoc />
    public override bool ConfirmCandidate()
    {
        foreach (var word in _lazy)
        {
            if (word.Advance(_doc) != _doc)
            {
                return false;
            }
        }

        if (_words.Length == 1 && (_words[0].IsSingleTerm || !_words[0].HasPositions))
        {
            // One word is its frequency: one term's, or the sum over terms read without positions
            // (a pair and its broken form never share a position). A quoted accented word with its
            // strict reading is such a phrase: no positions are read for it.
            _freq = _words[0].CurrentFreq();
        }
        else
        {
            foreach (var word in _words)
            {
                word.ReadPositions();
            }

            _freq = PhraseFrequency.Compute(_words, _slop);
        }

        foreach (var span in _spans)
        {
            _freq = Math.Min(_freq, span.CurrentFreq());
        }

        _strictFreq = _freq > 0 ? _strict.Frequency(_doc, _freq) : 0;
        return _freq > 0;
    }

    /// <inheritdoc />
    public override float CandidateMaxScore()
    {
        // As the block bound, but with the candidate's own word frequencies and norm.
        long freq = long.MaxValue;
        var words = _slop == 0 ? _words.Length : 1;
        for (var i = 0; i < words; i++)
        {
            // A covered word not yet moved here bounds nothing; its spans do.
            if (!_covered[i] || _words[i].DocId == _doc)
            {
                freq = Math.Min(freq, _words[i].CurrentFreq());
            }
        }

        foreach (var span in _spans)
        {
            freq = Math.Min(freq, span.CurrentFreq());
        }

        return Bound(freq, _segment.Norm(_field, _doc));
    }

    /// <inheritdoc />
    public override void SetMinCompetitiveScore(float minScore) => _minScore = minScore;

    /// <inheritdoc />
    public override float Score()
    {
        // Summed as a disjunction of the strict phrase and the phrase would sum them.
        var phrase = PhraseScore();
        return _strictFreq > 0 ? (float)((double)StrictScore() + phrase) : phrase;
    }

    /// <summary>The phrase's own score for the current document.</summary>
    public float PhraseScore() => Bm25Similarity.Score(_weight, _freq, _lengthTable[_segment.Norm(_field, _doc)]);

    /// <summary>The strict reading's score for the current document (0 when it does not hold).</summary>
    public float StrictScore() => _strictFreq > 0 ? Bm25Similarity.Score(_strict.Weight, _strictFreq, _lengthTable[_segment.Norm(_field, _doc)]) : 0f;

    /// <inheritdoc />
    public override int AdvanceShallow(int target) =>
        BlockBound(target, out var upTo, out _, out _) ? upTo : NoMoreDocs;

    /// <inheritdoc />
    public override float MaxScore(int upTo)
    {
        if (!BlockBound(Math.Max(_doc, 0), out var covered, out var maxFreq, out var minNorm) || upTo > covered)
        {
            return _maxScore;
        }

        return Math.Min(_maxScore, Bound(maxFreq, minNorm));
    }

    /// <summary>The score a document with at most <paramref name="freq"/> phrase occurrences and a norm of at least <paramref name="norm"/> can reach (the strict reading's frequency is at most the phrase's).</summary>
    private float Bound(long freq, byte norm)
    {
        var bound = Bm25Similarity.Score(_weight, freq, _lengthTable[norm]);
        return _strict.Weight > 0 ? bound + Bm25Similarity.Score(_strict.Weight, freq, _lengthTable[norm]) : bound;
    }

    /// <summary>
    /// Bounds from the blocks the words' postings are in. Occurrences start at distinct positions
    /// of the first word and weigh at most 1, so its frequency bounds the phrase frequency; in an
    /// exact phrase every word's position follows from the start, so any word's frequency does and
    /// the smallest is taken; so does every span's. A matching document holds every word, so its
    /// norm is at least the largest of the words' block minimums.
    /// </summary>
    private bool BlockBound(int target, out int upTo, out long maxFreq, out byte minNorm)
    {
        if (target != _boundTarget)
        {
            // Covered words are left out, so only AdvanceCandidate moves what the bound reads.
            _boundHolds = ComputeBlockBound(target, out _boundUpTo, out _boundFreq, out _boundNorm);
            _boundTarget = target;
        }

        upTo = _boundUpTo;
        maxFreq = _boundFreq;
        minNorm = _boundNorm;
        return _boundHolds;
    }

    /// <summary>What <see cref="BlockBound"/> answers, computed afresh.</summary>
    private bool ComputeBlockBound(int target, out int upTo, out long maxFreq, out byte minNorm)
    {
        upTo = NoMoreDocs;
        maxFreq = long.MaxValue;
        minNorm = 0;
        var words = _slop == 0 ? _words.Length : 1;
        for (var i = 0; i < words; i++)
        {
            // A covered word lags behind the candidates, so its blocks say nothing of the target's; its spans bound it.
            if (_covered[i])
            {
                continue;
            }

            if (!_words[i].TryBlockBound(target, out var wordUpTo, out var wordFreq, out var wordNorm))
            {
                return false;
            }

            upTo = Math.Min(upTo, wordUpTo);
            maxFreq = Math.Min(maxFreq, wordFreq);
            minNorm = Math.Max(minNorm, wordNorm);
        }

        foreach (var span in _spans)
        {
            if (!span.TryBlockBound(target, out var spanUpTo, out var spanFreq, out var spanNorm))
            {
                return false;
            }

            upTo = Math.Min(upTo, spanUpTo);
            maxFreq = Math.Min(maxFreq, spanFreq);
            minNorm = Math.Max(minNorm, spanNorm);
        }

        return true;
    }
}
