namespace SearchService.Core.Search.Scoring;

/// <summary>
/// A constant score over a sorted list of documents worked out in advance (a numeric range read
/// from the doc-value column, every document for match-all, keyword filters).
/// </summary>
public sealed class DocSetScorer : Scorer
{
    private readonly int[] _docs;
    private readonly int _count;
    private readonly float _score;
    private int _index = -1;
    private int _doc = -1;

    /// <summary>Matches the first <paramref name="count"/> documents of <paramref name="docs"/> (ascending), each scoring <paramref name="score"/>.</summary>
    public DocSetScorer(int[] docs, int count, float score)
    {
        _docs = docs;
        _count = count;
        _score = score;
    }

    /// <inheritdoc />
    public override int DocId => _doc;

    /// <inheritdoc />
    public override long Cost => _count;

    /// <inheritdoc />
    public override int NextDoc() => _doc = ++_index < _count ? _docs[_index] : NoMoreDocs;

    /// <inheritdoc />
    public override int Advance(int target)
    {
        // Galloping then binary search: filters are often advanced far by a rarer lead clause.
        var lo = _index + 1;
        var step = 1;
        var hi = lo;
        while (hi < _count && _docs[hi] < target)
        {
            lo = hi + 1;
            hi += step;
            step <<= 1;
        }

        hi = Math.Min(hi + 1, _count);
        var found = Array.BinarySearch(_docs, lo, hi - lo, target);
        _index = found >= 0 ? found : ~found;
        return _doc = _index < _count ? _docs[_index] : NoMoreDocs;
    }

    /// <inheritdoc />
    public override float Score() => _score;

    /// <inheritdoc />
    public override float MaxScore(int upTo) => _score;
}
