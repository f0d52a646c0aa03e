namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Documents any sub-scorer matches, scored as the sum of the matching subs (in clause order, so
/// a document's score never depends on how it was reached). Until a minimum competitive score is
/// set it visits every match; after that it runs block-max WAND: subs are ordered by their
/// current document, a pivot is the first document where the subs' global bounds can reach the
/// threshold, and a pivot whose subs' block bounds cannot reach it is skipped with its blocks.
/// Two-phase subs (phrases) stop on candidates; a candidate is bounded by its own word
/// frequencies and confirmed (positions read) only when the pivot can still compete.
/// </summary>
public sealed class DisjunctionScorer : Scorer
{
    private readonly Scorer[] _subs;
    private readonly float[] _maxScores;
    private readonly int[] _order;
    private readonly bool[] _twoPhase;
    private readonly bool[] _unconfirmed;
    private readonly bool[] _rejected;
    private readonly long _cost;
    private readonly bool _anyTwoPhase;
    private int _doc = -1;
    private float _minScore;

    /// <summary>The union of <paramref name="subs"/> (at least one).</summary>
    public DisjunctionScorer(IReadOnlyList<Scorer> subs)
    {
        if (subs.Count == 0)
        {
            throw new ArgumentException("a disjunction needs at least one clause", nameof(subs));
        }

        _subs = [.. subs];
        _maxScores = new float[_subs.Length];
        _order = new int[_subs.Length];
        _twoPhase = new bool[_subs.Length];
        _unconfirmed = new bool[_subs.Length];
        _rejected = new bool[_subs.Length];
        for (var i = 0; i < _subs.Length; i++)
        {
            _twoPhase[i] = _subs[i].IsTwoPhase;
            _anyTwoPhase |= _twoPhase[i];
            _maxScores[i] = _subs[i].MaxScore(NoMoreDocs);
            _order[i] = i;
            _cost += _subs[i].Cost;
        }
    }

    /// <inheritdoc />
    public override int DocId => _doc;

    /// <inheritdoc />
    public override long Cost => _cost;

    /// <inheritdoc />
    public override int NextDoc() => Advance(_doc + 1);

    /// <inheritdoc />
    public override int Advance(int target)
    {
        if (_minScore > 0)
        {
            return _doc = Wand(target);
        }

        while (true)
        {
            var doc = AdvanceCandidate(target);
            if (doc == NoMoreDocs || ConfirmCandidate())
            {
                return doc;
            }

            target = doc + 1;
        }
    }

    /// <inheritdoc />
    public override bool IsTwoPhase => _anyTwoPhase;

    /// <inheritdoc />
    public override int AdvanceCandidate(int target)
    {
        var min = NoMoreDocs;
        for (var i = 0; i < _subs.Length; i++)
        {
            if (_subs[i].DocId < target)
            {
                Move(i, target);
            }

            min = Math.Min(min, _subs[i].DocId);
        }

        return _doc = min;
    }

    /// <inheritdoc />
    public override bool ConfirmCandidate() => Confirm(_doc);

    /// <inheritdoc />
    public override float CandidateMaxScore()
    {
        double sum = 0;
        for (var i = 0; i < _subs.Length; i++)
        {
            if (_subs[i].DocId == _doc && !_rejected[i])
            {
                sum += _unconfirmed[i] ? _subs[i].CandidateMaxScore() : _subs[i].Score();
            }
        }

        return (float)sum;
    }

    /// <inheritdoc />
    public override float Score()
    {
        double sum = 0;
        for (var i = 0; i < _subs.Length; i++)
        {
            if (_subs[i].DocId == _doc && !_rejected[i])
            {
                sum += _subs[i].Score();
            }
        }

        return (float)sum;
    }

    /// <inheritdoc />
    public override int AdvanceShallow(int target)
    {
        var upTo = NoMoreDocs;
        foreach (var sub in _subs)
        {
            upTo = Math.Min(upTo, sub.AdvanceShallow(Math.Max(target, sub.DocId)));
        }

        return upTo;
    }

    /// <inheritdoc />
    public override float MaxScore(int upTo)
    {
        double sum = 0;
        foreach (var sub in _subs)
        {
            if (sub.DocId <= upTo || sub.DocId < 0)
            {
                sum += sub.MaxScore(upTo);
            }
        }

        return (float)sum;
    }

    /// <inheritdoc />
    public override void SetMinCompetitiveScore(float minScore) => _minScore = minScore;

    private int Wand(int target)
    {
        while (true)
        {
            SortByDoc();

            // The pivot: the first sub (in document order) where the bounds of it and those before it reach the threshold.
            double reach = 0;
            var pivot = -1;
            for (var k = 0; k < _order.Length; k++)
            {
                if (_subs[_order[k]].DocId == NoMoreDocs)
                {
                    break;
                }

                reach += _maxScores[_order[k]];
                if (reach >= _minScore)
                {
                    pivot = k;
                    break;
                }
            }

            if (pivot < 0)
            {
                return NoMoreDocs;
            }

            var pivotDoc = Math.Max(_subs[_order[pivot]].DocId, target);
            if (_subs[_order[0]].DocId < pivotDoc)
            {
                // Nothing before pivotDoc can reach the threshold: move a sub that lags up to it.
                Move(_order[0], pivotDoc);
                continue;
            }

            // Every sub up to the pivot is on pivotDoc; check their block bounds before accepting it.
            double bound = 0;
            var next = NoMoreDocs;
            for (var k = 0; k < _order.Length; k++)
            {
                var sub = _subs[_order[k]];
                if (sub.DocId != pivotDoc)
                {
                    next = Math.Min(next, sub.DocId);
                    continue;
                }

                var upTo = sub.AdvanceShallow(pivotDoc);
                var subBound = sub.MaxScore(upTo);
                if (_unconfirmed[_order[k]])
                {
                    // A candidate's own bound is tighter than its block's but holds for this document only.
                    subBound = Math.Min(subBound, sub.CandidateMaxScore());
                    upTo = pivotDoc;
                }

                bound += subBound;
                next = Math.Min(next, upTo == NoMoreDocs ? NoMoreDocs : upTo + 1);
            }

            if (bound >= _minScore)
            {
                if (Confirm(pivotDoc))
                {
                    return pivotDoc;
                }

                // Candidates only: nothing matches pivotDoc, but the documents after it may compete.
                target = pivotDoc + 1;
            }
            else
            {
                // Until next, only the subs on pivotDoc can match, within blocks bounded below the threshold.
                target = Math.Max(pivotDoc + 1, next);
            }

            if (target == NoMoreDocs)
            {
                return NoMoreDocs;
            }

            foreach (var index in _order)
            {
                if (_subs[index].DocId == pivotDoc)
                {
                    Move(index, target);
                }
            }
        }
    }

    /// <summary>Moves sub <paramref name="index"/> to <paramref name="target"/>: two-phase subs only to a candidate, confirmed once it can compete.</summary>
    private void Move(int index, int target)
    {
        _rejected[index] = false;
        if (_twoPhase[index])
        {
            _subs[index].AdvanceCandidate(target);
            _unconfirmed[index] = true;
        }
        else
        {
            _subs[index].Advance(target);
        }
    }

    /// <summary>Confirms the candidates on <paramref name="doc"/>; true when some sub matches it.</summary>
    private bool Confirm(int doc)
    {
        var any = false;
        for (var i = 0; i < _subs.Length; i++)
        {
            if (_subs[i].DocId != doc)
            {
                continue;
            }

            if (_unconfirmed[i])
            {
                _unconfirmed[i] = false;
                _rejected[i] = !_subs[i].ConfirmCandidate();
            }

            any |= !_rejected[i];
        }

        return any;
    }

    /// <summary>Insertion sort by current document: the order changes a little at a time.</summary>
    private void SortByDoc()
    {
        for (var i = 1; i < _order.Length; i++)
        {
            var index = _order[i];
            var doc = _subs[index].DocId;
            var j = i - 1;
            while (j >= 0 && _subs[_order[j]].DocId > doc)
            {
                _order[j + 1] = _order[j];
                j--;
            }

            _order[j + 1] = index;
        }
    }
}
