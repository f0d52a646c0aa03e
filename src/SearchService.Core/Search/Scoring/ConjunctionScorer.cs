namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Documents every sub-scorer matches, found by leapfrogging: the rarest clause leads and the
/// others advance to its document, any that overshoots becomes the new target. Scoring clauses
/// are summed in clause order; filter clauses only restrict. Two-phase clauses (phrases) are
/// aligned on candidates first and confirmed only when every clause is on the document — and,
/// once a minimum competitive score is set, only when the candidate's bound reaches it.
/// </summary>
public sealed class ConjunctionScorer : Scorer
{
    private readonly Scorer[] _byCost;
    private readonly Scorer[] _scoring;
    private readonly bool[] _twoPhase;
    private readonly bool _anyTwoPhase;
    private int _doc = -1;
    private float _minScore;

    /// <summary>Conjoins <paramref name="scoring"/> (summed) and <paramref name="filters"/> (not scored); at least one sub in all.</summary>
    public ConjunctionScorer(IReadOnlyList<Scorer> scoring, IReadOnlyList<Scorer> filters)
    {
        _scoring = [.. scoring];
        _byCost = new Scorer[scoring.Count + filters.Count];
        for (var i = 0; i < scoring.Count; i++)
        {
            _byCost[i] = scoring[i];
        }

        for (var i = 0; i < filters.Count; i++)
        {
            _byCost[scoring.Count + i] = filters[i];
        }

        if (_byCost.Length == 0)
        {
            throw new ArgumentException("a conjunction needs at least one clause", nameof(scoring));
        }

        Array.Sort(_byCost, static (a, b) => a.Cost.CompareTo(b.Cost));
        _twoPhase = new bool[_byCost.Length];
        for (var i = 0; i < _byCost.Length; i++)
        {
            _twoPhase[i] = _byCost[i].IsTwoPhase;
            _anyTwoPhase |= _twoPhase[i];
        }
    }

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

            // Bound the candidate with what is known before positions are read; confirm only when it can compete.
            if (!_anyTwoPhase || ((_minScore <= 0 || CandidateMaxScore() >= _minScore) && ConfirmCandidate()))
            {
                return doc;
            }

            target = doc + 1;
        }
    }

    /// <inheritdoc />
    public override bool IsTwoPhase => _anyTwoPhase;

    /// <inheritdoc />
    public override int AdvanceCandidate(int target) => Align(Move(0, target));

    /// <inheritdoc />
    public override bool ConfirmCandidate()
    {
        for (var i = 0; i < _byCost.Length; i++)
        {
            if (_twoPhase[i] && !_byCost[i].ConfirmCandidate())
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override float CandidateMaxScore()
    {
        double sum = 0;
        foreach (var scorer in _scoring)
        {
            sum += scorer.IsTwoPhase ? scorer.CandidateMaxScore() : scorer.Score();
        }

        return (float)sum;
    }

    /// <inheritdoc />
    public override void SetMinCompetitiveScore(float minScore) => _minScore = minScore;

    /// <inheritdoc />
    public override float Score()
    {
        double sum = 0;
        foreach (var scorer in _scoring)
        {
            sum += scorer.Score();
        }

        return (float)sum;
    }

    /// <inheritdoc />
    public override int AdvanceShallow(int target)
    {
        var upTo = NoMoreDocs;
        foreach (var scorer in _scoring)
        {
            upTo = Math.Min(upTo, scorer.AdvanceShallow(target));
        }

        return upTo;
    }

    /// <inheritdoc />
    public override float MaxScore(int upTo)
    {
        double sum = 0;
        foreach (var scorer in _scoring)
        {
            sum += scorer.MaxScore(upTo);
        }

        return (float)sum;
    }

    /// <summary>Moves clause <paramref name="index"/> (in cost order) to <paramref name="target"/>, to a candidate only when it is two-phase.</summary>
    private int Move(int index, int target) =>
        _twoPhase[index] ? _byCost[index].AdvanceCandidate(target) : _byCost[index].Advance(target);

    private int Align(int doc)
    {
        while (doc != NoMoreDocs)
        {
            var aligned = true;
            for (var i = 1; i < _byCost.Length; i++)
            {
                var other = _byCost[i];
                var at = other.DocId < doc ? Move(i, doc) : other.DocId;
                if (at > doc)
                {
                    doc = Move(0, at);
                    aligned = false;
                    break;
                }
            }

            if (aligned)
            {
                return _doc = doc;
            }
        }

        return _doc = NoMoreDocs;
    }
}
