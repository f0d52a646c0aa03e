namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Documents any sub-scorer matches, scored as the sum of the matching subs (in clause order, so
/// a document's score never depends on how it was reached). Until a minimum competitive score is
/// set it visits every match; after that it runs block-max WAND: subs are ordered by their
/// current document, a pivot is the first document where the subs' global bounds can reach the
/// threshold, and a pivot whose subs' block bounds cannot reach it is skipped with its blocks.
/// </summary>
public sealed class DisjunctionScorer : Scorer
{
    private readonly Scorer[] _subs;
    private readonly float[] _maxScores;
    private readonly int[] _order;
    private readonly long _cost;
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
        for (var i = 0; i < _subs.Length; i++)
        {
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

        var min = NoMoreDocs;
        foreach (var sub in _subs)
        {
            var doc = sub.DocId < target ? sub.Advance(target) : sub.DocId;
            if (doc < min)
            {
                min = doc;
            }
        }

        return _doc = min;
    }

    /// <inheritdoc />
    public override float Score()
    {
        double sum = 0;
        foreach (var sub in _subs)
        {
            if (sub.DocId == _doc)
            {
                sum += sub.Score();
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
            var first = _subs[_order[0]];
            if (first.DocId < pivotDoc)
            {
                // Nothing before pivotDoc can reach the threshold: move a sub that lags up to it.
                first.Advance(pivotDoc);
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
                bound += sub.MaxScore(upTo);
                next = Math.Min(next, upTo == NoMoreDocs ? NoMoreDocs : upTo + 1);
            }

            if (bound >= _minScore)
            {
                return pivotDoc;
            }

            // Until next, only the subs on pivotDoc can match, within blocks bounded below the threshold.
            target = Math.Max(pivotDoc + 1, next);
            if (target == NoMoreDocs)
            {
                return NoMoreDocs;
            }

            foreach (var index in _order)
            {
                var sub = _subs[index];
                if (sub.DocId == pivotDoc)
                {
                    sub.Advance(target);
                }
            }
        }
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
