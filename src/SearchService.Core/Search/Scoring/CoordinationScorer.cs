namespace SearchService.Core.Search.Scoring;

/// <summary>
/// A disjunction's documents, each score multiplied by the coordination factor of how many of the
/// counted subs (the words) are on it. The factor is at most 1, so the disjunction's bounds stay
/// bounds and a minimum competitive score can be passed down as it is.
/// </summary>
public sealed class CoordinationScorer : Scorer
{
    private readonly Scorer _inner;
    private readonly Scorer[] _words;
    private readonly float[] _factors;

    /// <summary>Scores <paramref name="inner"/>'s documents times <paramref name="factors"/>[words of <paramref name="words"/> on the document].</summary>
    public CoordinationScorer(Scorer inner, Scorer[] words, float[] factors)
    {
        _inner = inner;
        _words = words;
        _factors = factors;
    }

    /// <inheritdoc />
    public override int DocId => _inner.DocId;

    /// <inheritdoc />
    public override long Cost => _inner.Cost;

    /// <inheritdoc />
    public override int NextDoc() => _inner.NextDoc();

    /// <inheritdoc />
    public override int Advance(int target) => _inner.Advance(target);

    /// <inheritdoc />
    public override float Score()
    {
        // The disjunction has every sub matching the document on it when it scores (its sums rely on it).
        var score = _inner.Score();
        var doc = _inner.DocId;
        var matched = 0;
        foreach (var word in _words)
        {
            if (word.DocId == doc)
            {
                matched++;
            }
        }

        return score * _factors[matched];
    }

    /// <inheritdoc />
    public override int AdvanceShallow(int target) => _inner.AdvanceShallow(target);

    /// <inheritdoc />
    public override float MaxScore(int upTo) => _inner.MaxScore(upTo);

    /// <inheritdoc />
    public override bool IsTwoPhase => _inner.IsTwoPhase;

    /// <inheritdoc />
    public override int AdvanceCandidate(int target) => _inner.AdvanceCandidate(target);

    /// <inheritdoc />
    public override bool ConfirmCandidate() => _inner.ConfirmCandidate();

    /// <inheritdoc />
    public override float CandidateMaxScore() => _inner.CandidateMaxScore();

    /// <inheritdoc />
    public override void SetMinCompetitiveScore(float minScore) => _inner.SetMinCompetitiveScore(minScore);
}
