namespace SearchService.Core.Search.Scoring;

/// <summary>
/// The documents of a required scorer, with an optional scorer's score added where it matches
/// too: "must" words with "should" boosts (syllable pairs, exact codes) on top.
/// </summary>
public sealed class RequiredOptionalScorer : Scorer
{
    private readonly Scorer _required;
    private readonly Scorer _optional;

    /// <summary>Matches <paramref name="required"/>, adds <paramref name="optional"/>.</summary>
    public RequiredOptionalScorer(Scorer required, Scorer optional)
    {
        _required = required;
        _optional = optional;
    }

    /// <inheritdoc />
    public override int DocId => _required.DocId;

    /// <inheritdoc />
    public override long Cost => _required.Cost;

    /// <inheritdoc />
    public override int NextDoc() => _required.NextDoc();

    /// <inheritdoc />
    public override int Advance(int target) => _required.Advance(target);

    /// <inheritdoc />
    public override float Score()
    {
        var doc = _required.DocId;
        var required = _required.Score();
        var at = _optional.DocId < doc ? _optional.Advance(doc) : _optional.DocId;
        return at == doc ? (float)((double)required + _optional.Score()) : required;
    }

    /// <inheritdoc />
    public override int AdvanceShallow(int target) =>
        Math.Min(_required.AdvanceShallow(target), _optional.AdvanceShallow(Math.Max(target, _optional.DocId)));

    /// <inheritdoc />
    public override float MaxScore(int upTo) => (float)((double)_required.MaxScore(upTo) + _optional.MaxScore(upTo));
}
