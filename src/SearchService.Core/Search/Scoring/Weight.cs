namespace SearchService.Core.Search.Scoring;

/// <summary>
/// A query prepared for one snapshot: statistics looked up and boosts folded in once, then a
/// scorer made per segment. Weights are immutable, so one may serve several threads.
/// </summary>
public abstract class Weight
{
    /// <summary>A scorer over <paramref name="leaf"/>, or null when nothing there can match.</summary>
    public abstract Scorer? GetScorer(LeafContext leaf);

    /// <summary>
    /// About how many documents of <paramref name="leaf"/> a search of this weight visits: its
    /// scorer's <see cref="Scorer.Cost"/> (a term's document frequency, a disjunction's sum, a
    /// conjunction's rarest part), 0 when nothing there can match. Weights whose scorers are costly
    /// to make answer without making them.
    /// </summary>
    public virtual long Cost(LeafContext leaf) => GetScorer(leaf)?.Cost ?? 0;

    /// <summary>How document <paramref name="doc"/> of <paramref name="leaf"/> scores, or why it does not match.</summary>
    public abstract Explanation Explain(LeafContext leaf, int doc);
}
