namespace SearchService.Core.Search.Scoring;

/// <summary>
/// The documents of a required scorer, with an optional scorer's score added where it matches
/// too: "must" words with "should" boosts (syllable pairs, exact codes) on top. Once a minimum
/// competitive score is set, a document whose required score plus the optional part's bound
/// cannot reach it is passed over without moving the optional scorer, and the required scorer
/// is told the least it must score itself.
/// </summary>
public sealed class RequiredOptionalScorer : Scorer
{
    private readonly Scorer _required;
    private readonly Scorer _optional;
    private readonly float _optionalMax;
    private float _minScore;
    private int _scoredDoc = -1;
    private float _requiredScore;

    /// <summary>Matches <paramref name="required"/>, adds <paramref name="optional"/>.</summary>
    public RequiredOptionalScorer(Scorer required, Scorer optional)
    {
        _required = required;
        _optional = optional;
        _optionalMax = optional.MaxScore(NoMoreDocs);
    }

    /// <inheritdoc />
    public override int DocId => _required.DocId;

    /// <inheritdoc />
    public override long Cost => _required.Cost;

    /// <inheritdoc />
    public override int NextDoc() => Advance(_required.DocId + 1);

    /// <inheritdoc />
    public override int Advance(int target)
    {
        var doc = _required.Advance(target);
        while (doc != NoMoreDocs && _minScore > 0)
        {
            var required = RequiredScore(doc);
            if ((double)required + _optional.MaxScore(doc) >= _minScore)
            {
                break;
            }

            doc = _required.NextDoc();
        }

        return doc;
    }

    /// <inheritdoc />
    public override float Score()
    {
        var doc = _required.DocId;
        var required = RequiredScore(doc);
        var at = _optional.DocId < doc ? _optional.Advance(doc) : _optional.DocId;
        return at == doc ? (float)((double)required + _optional.Score()) : required;
    }

    /// <inheritdoc />
    public override int AdvanceShallow(int target) =>
        Math.Min(_required.AdvanceShallow(target), _optional.AdvanceShallow(Math.Max(target, _optional.DocId)));

    /// <inheritdoc />
    public override float MaxScore(int upTo) => (float)((double)_required.MaxScore(upTo) + _optional.MaxScore(upTo));

    /// <inheritdoc />
    public override void SetMinCompetitiveScore(float minScore)
    {
        _minScore = minScore;
        var requiredMin = minScore - _optionalMax;
        if (requiredMin > 0)
        {
            // Less a little, as the sum is rounded differently from its parts.
            _required.SetMinCompetitiveScore(requiredMin - (Math.Abs(requiredMin) * 1e-5f) - 1e-6f);
        }
    }

    private float RequiredScore(int doc)
    {
        if (_scoredDoc != doc)
        {
            _requiredScore = _required.Score();
            _scoredDoc = doc;
        }

        return _requiredScore;
    }
}
