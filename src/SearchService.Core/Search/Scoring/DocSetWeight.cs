namespace SearchService.Core.Search.Scoring;

/// <summary>
/// A weight whose matches are worked out per segment as a sorted document list, each scoring
/// the boost (match-all, numeric ranges): such queries have no term statistics to rank by.
/// </summary>
public sealed class DocSetWeight : Weight
{
    private readonly Func<LeafContext, int, bool> _matches;
    private readonly string _description;
    private readonly float _score;

    /// <summary>Matches the documents of a segment for which <paramref name="matches"/> holds, each scoring <paramref name="score"/>.</summary>
    public DocSetWeight(Func<LeafContext, int, bool> matches, string description, float score)
    {
        _matches = matches;
        _description = description;
        _score = score;
    }

    /// <inheritdoc />
    public override Scorer? GetScorer(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var max = leaf.Segment.MaxDoc;
        var docs = new int[Math.Min(max, 1024)];
        var count = 0;
        for (var doc = 0; doc < max; doc++)
        {
            if (_matches(leaf, doc))
            {
                if (count == docs.Length)
                {
                    Array.Resize(ref docs, Math.Min(max, docs.Length * 2));
                }

                docs[count++] = doc;
            }
        }

        return count == 0 ? null : new DocSetScorer(docs, count, _score);
    }

    /// <inheritdoc />
    /// <remarks>Every document of the segment, without the scan that finds the matching ones: a range or match-all is bounded by the segment.</remarks>
    public override long Cost(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return leaf.Segment.MaxDoc;
    }

    /// <inheritdoc />
    public override Explanation Explain(LeafContext leaf, int doc)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return _matches(leaf, doc)
            ? Explanation.Leaf(_score, _description + " (constant score)")
            : Explanation.NoMatch(_description);
    }
}
