namespace SearchService.Core.Search.Scoring;

/// <summary>The documents of one scorer that another does not match ("must not"); scores are the first's.</summary>
public sealed class ExclusionScorer : Scorer
{
    private readonly Scorer _main;
    private readonly Scorer _excluded;

    /// <summary>Matches <paramref name="main"/> but not <paramref name="excluded"/>.</summary>
    public ExclusionScorer(Scorer main, Scorer excluded)
    {
        _main = main;
        _excluded = excluded;
    }

    /// <inheritdoc />
    public override int DocId => _main.DocId;

    /// <inheritdoc />
    public override long Cost => _main.Cost;

    /// <inheritdoc />
    public override int NextDoc() => Skip(_main.NextDoc());

    /// <inheritdoc />
    public override int Advance(int target) => Skip(_main.Advance(target));

    /// <inheritdoc />
    public override float Score() => _main.Score();

    /// <inheritdoc />
    public override int AdvanceShallow(int target) => _main.AdvanceShallow(target);

    /// <inheritdoc />
    public override float MaxScore(int upTo) => _main.MaxScore(upTo);

    /// <inheritdoc />
    public override void SetMinCompetitiveScore(float minScore) => _main.SetMinCompetitiveScore(minScore);

    private int Skip(int doc)
    {
        while (doc != NoMoreDocs)
        {
            var excluded = _excluded.DocId < doc ? _excluded.Advance(doc) : _excluded.DocId;
            if (excluded != doc)
            {
                return doc;
            }

            doc = _main.NextDoc();
        }

        return doc;
    }
}
