namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Documents every sub-scorer matches, found by leapfrogging: the rarest clause leads and the
/// others advance to its document, any that overshoots becomes the new target. Scoring clauses
/// are summed in clause order; filter clauses only restrict.
/// </summary>
public sealed class ConjunctionScorer : Scorer
{
    private readonly Scorer[] _byCost;
    private readonly Scorer[] _scoring;
    private int _doc = -1;

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
    }

    /// <inheritdoc />
    public override int DocId => _doc;

    /// <inheritdoc />
    public override long Cost => _byCost[0].Cost;

    /// <inheritdoc />
    public override int NextDoc() => Align(_byCost[0].NextDoc());

    /// <inheritdoc />
    public override int Advance(int target) => Align(_byCost[0].Advance(target));

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

    private int Align(int doc)
    {
        var lead = _byCost[0];
        while (doc != NoMoreDocs)
        {
            var aligned = true;
            for (var i = 1; i < _byCost.Length; i++)
            {
                var other = _byCost[i];
                var at = other.DocId < doc ? other.Advance(doc) : other.DocId;
                if (at > doc)
                {
                    doc = lead.Advance(at);
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
