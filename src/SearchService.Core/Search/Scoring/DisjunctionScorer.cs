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

    // Each sub's current document, kept by Move: the loops below read it instead of a virtual DocId per sub and step.
    private readonly int[] _docs;
    private readonly int[] _order;
    private readonly bool[] _twoPhase;
    private readonly bool[] _unconfirmed;
    private readonly bool[] _rejected;
    private readonly long _cost;
    private readonly bool _anyTwoPhase;
    private int _doc = -1;
    private float _minScore;

    // For term subs, whose bound on a document depends only on the postings block it is in: the
    // last bound taken and the block's last document (-1: none yet), reused while the term is still there.
    private readonly bool[] _perBlock;
    private readonly int[] _blockUpTo;
    private readonly float[] _blockBound;

    // Whether _order is sorted by _docs (as SortByDoc leaves it); moves outside Wand clear it.
    private bool _ordered;

    // The last pivot bounded before lagging subs were moved to it (-1: none): checked once.
    private int _checkedPivot = -1;

    /// <summary>The union of <paramref name="subs"/> (at least one).</summary>
    public DisjunctionScorer(IReadOnlyList<Scorer> subs)
    {
        if (subs.Count == 0)
        {
            throw new ArgumentException("a disjunction needs at least one clause", nameof(subs));
        }

        _subs = [.. subs];
        _maxScores = new float[_subs.Length];
        _docs = new int[_subs.Length];
        _perBlock = new bool[_subs.Length];
        _blockUpTo = new int[_subs.Length];
        _blockBound = new float[_subs.Length];
        _order = new int[_subs.Length];
        _twoPhase = new bool[_subs.Length];
        _unconfirmed = new bool[_subs.Length];
        _rejected = new bool[_subs.Length];
        for (var i = 0; i < _subs.Length; i++)
        {
            _twoPhase[i] = _subs[i].IsTwoPhase;
            _anyTwoPhase |= _twoPhase[i];
            _maxScores[i] = _subs[i].MaxScore(NoMoreDocs);
            _docs[i] = _subs[i].DocId;
            _perBlock[i] = _subs[i] is TermScorer;
            _blockUpTo[i] = -1;
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
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] < target)
            {
                Move(i, target);
                _ordered = false;
            }

            min = Math.Min(min, _docs[i]);
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
            if (_docs[i] == _doc && !_rejected[i])
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
            if (_docs[i] == _doc && !_rejected[i])
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
        for (var i = 0; i < _subs.Length; i++)
        {
            upTo = Math.Min(upTo, _subs[i].AdvanceShallow(Math.Max(target, _docs[i])));
        }

        return upTo;
    }

    /// <inheritdoc />
    public override float MaxScore(int upTo)
    {
        double sum = 0;
        for (var i = 0; i < _subs.Length; i++)
        {
            if (_docs[i] <= upTo || _docs[i] < 0)
            {
                sum += _subs[i].MaxScore(upTo);
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
            if (!_ordered)
            {
                SortByDoc();
                _ordered = true;
            }

            // The pivot: the first sub (in document order) where the bounds of it and those before it reach the threshold.
            double reach = 0;
            var pivot = -1;
            for (var k = 0; k < _order.Length; k++)
            {
                if (_docs[_order[k]] == NoMoreDocs)
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

            var pivotDoc = Math.Max(_docs[_order[pivot]], target);
            if (_docs[_order[0]] < pivotDoc)
            {
                // Before subs that lag are moved up to pivotDoc (decoding their postings there),
                // bound it by what is known without them: when it cannot compete, the subs on it
                // move past it and the lagging ones stay where they are. A broad word whose folded
                // form or body weighs next to nothing is then walked only where its heavy
                // clause can compete, its light clauses skipped to there by their skip data.
                if (pivotDoc != _checkedPivot)
                {
                    _checkedPivot = pivotDoc;
                    var skipTo = SkipWithoutLagging(pivotDoc);
                    if (skipTo > pivotDoc)
                    {
                        for (var i = 0; i < _docs.Length; i++)
                        {
                            if (_docs[i] >= pivotDoc && _docs[i] < skipTo)
                            {
                                Move(i, skipTo);
                            }
                        }

                        _ordered = false;
                        if (skipTo == NoMoreDocs && AllExhausted())
                        {
                            return NoMoreDocs;
                        }

                        continue;
                    }
                }

                // Nothing before pivotDoc can reach the threshold: move a sub that lags up to it.
                Move(_order[0], pivotDoc);
                Reorder(1);
                continue;
            }

            // Every sub up to the pivot is on pivotDoc, and so are the first onPivot in order (the others are after it);
            // check their block bounds before accepting it.
            double bound = 0;
            var next = NoMoreDocs;
            var onPivot = 0;
            for (; onPivot < _order.Length; onPivot++)
            {
                var sub = _subs[_order[onPivot]];
                if (_docs[_order[onPivot]] != pivotDoc)
                {
                    next = Math.Min(next, _docs[_order[onPivot]]);
                    break;
                }

                var index = _order[onPivot];
                var subBound = BlockBound(index, pivotDoc, out var upTo);

                if (_unconfirmed[index])
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

            for (var k = 0; k < onPivot; k++)
            {
                Move(_order[k], target);
            }

            Reorder(onPivot);
        }
    }

    /// <summary>
    /// Where the subs on or past <paramref name="doc"/> (while others lag behind it) may skip to
    /// because nothing before can reach the threshold; <paramref name="doc"/> itself when it may.
    /// The lagging subs count their largest score. First by blocks: the subs from
    /// <paramref name="doc"/> on count their block bounds, and when those cannot compete the whole
    /// stretch to the nearest block end is passed. Then the document alone: the subs on it count
    /// their own score (a candidate its own bound, a rejected one nothing). Compared as the float
    /// a score would be, so rounding cannot hide a competitor.
    /// </summary>
    private int SkipWithoutLagging(int doc)
    {
        double lagging = 0;
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] < doc)
            {
                lagging += _maxScores[i];
            }
        }

        if ((float)lagging >= _minScore)
        {
            return doc;
        }

        double blocks = lagging;
        var upTo = NoMoreDocs;
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] >= doc && _docs[i] != NoMoreDocs)
            {
                blocks += BlockBound(i, doc, out var end);
                upTo = Math.Min(upTo, end);
            }
        }

        if ((float)blocks < _minScore)
        {
            return upTo == NoMoreDocs ? NoMoreDocs : upTo + 1;
        }

        double exact = lagging;
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] == doc && !_rejected[i])
            {
                exact += _unconfirmed[i] ? _subs[i].CandidateMaxScore() : _subs[i].Score();
            }
        }

        return (float)exact < _minScore ? doc + 1 : doc;
    }

    /// <summary>
    /// Sub <paramref name="index"/>'s bound from <paramref name="target"/> (at most its current
    /// document) to <paramref name="upTo"/>, the end of its block. A term's bound depends only on
    /// the block it is in, so it is kept and reused while the term is still there (documents only
    /// move on, so a current document at or before the kept end is in the same block).
    /// </summary>
    private float BlockBound(int index, int target, out int upTo)
    {
        if (_blockUpTo[index] >= _docs[index])
        {
            upTo = _blockUpTo[index];
            return _blockBound[index];
        }

        upTo = _subs[index].AdvanceShallow(target);
        var bound = _subs[index].MaxScore(upTo);
        if (_perBlock[index])
        {
            _blockUpTo[index] = upTo;
            _blockBound[index] = bound;
        }

        return bound;
    }

    private bool AllExhausted()
    {
        foreach (var doc in _docs)
        {
            if (doc != NoMoreDocs)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves sub <paramref name="index"/> to <paramref name="target"/>: two-phase subs only to a candidate, confirmed once it can compete.</summary>
    private void Move(int index, int target)
    {
        _rejected[index] = false;
        if (_twoPhase[index])
        {
            _docs[index] = _subs[index].AdvanceCandidate(target);
            _unconfirmed[index] = true;
        }
        else
        {
            _docs[index] = _subs[index].Advance(target);
        }

        System.Diagnostics.Debug.Assert(_docs[index] == _subs[index].DocId, "a sub's move returns the document it is on");
    }

    /// <summary>Confirms the candidates on <paramref name="doc"/>; true when some sub matches it.</summary>
    private bool Confirm(int doc)
    {
        var any = false;
        for (var i = 0; i < _subs.Length; i++)
        {
            if (_docs[i] != doc)
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
            var doc = _docs[index];
            var j = i - 1;
            while (j >= 0 && _docs[_order[j]] > doc)
            {
                _order[j + 1] = _order[j];
                j--;
            }

            _order[j + 1] = index;
        }
    }

    /// <summary>
    /// Sorts <see cref="_order"/> again after the subs of its first <paramref name="moved"/> places
    /// moved on, the rest still in order: each moved sub, the last first, goes before the first
    /// sub not behind it. The order is the one <see cref="SortByDoc"/> would give (it keeps ties
    /// as they were, so the pivot's sums add in the same order), without visiting the subs that did not move.
    /// </summary>
    private void Reorder(int moved)
    {
        for (var k = moved - 1; k >= 0; k--)
        {
            var index = _order[k];
            var doc = _docs[index];
            var j = k;
            while (j + 1 < _order.Length && _docs[_order[j + 1]] < doc)
            {
                _order[j] = _order[j + 1];
                j++;
            }

            _order[j] = index;
        }
    }
}
