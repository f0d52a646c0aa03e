using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Scores one term's postings in one segment with BM25. Block bounds come from the postings'
/// per-block largest frequency and smallest norm: BM25 grows with frequency and shrinks with
/// length, so that pair bounds every score in the block.
/// </summary>
public sealed class TermScorer : Scorer
{
    private readonly PostingsEnum _postings;
    private readonly SegmentReader _segment;
    private readonly int _field;
    private readonly float[] _lengthTable;
    private readonly float _weight;
    private readonly float _maxScore;

    internal TermScorer(PostingsEnum postings, SegmentReader segment, int field, float[] lengthTable, float weight)
    {
        _postings = postings;
        _segment = segment;
        _field = field;
        _lengthTable = lengthTable;
        _weight = weight;

        // The smallest length part gives the largest score; frequency tends to infinity gives weight.
        var smallest = float.MaxValue;
        foreach (var part in lengthTable)
        {
            smallest = Math.Min(smallest, part);
        }

        _maxScore = Bm25Similarity.Score(weight, int.MaxValue, smallest);
    }

    /// <summary>The postings being walked (phrase scorers read positions through them).</summary>
    public PostingsEnum Postings => _postings;

    /// <inheritdoc />
    public override int DocId => _postings.DocId;

    /// <inheritdoc />
    public override long Cost => _postings.DocFreq;

    /// <inheritdoc />
    public override int NextDoc() => _postings.NextDoc();

    /// <inheritdoc />
    public override int Advance(int target) => _postings.Advance(target);

    /// <inheritdoc />
    public override float Score()
    {
        var norm = _segment.Norm(_field, _postings.DocId);
        return Bm25Similarity.Score(_weight, _postings.Freq, _lengthTable[norm]);
    }

    /// <inheritdoc />
    public override int AdvanceShallow(int target)
    {
        var doc = _postings.DocId;
        return doc >= 0 && doc != NoMoreDocs && target <= _postings.BlockLastDoc ? _postings.BlockLastDoc : NoMoreDocs;
    }

    /// <inheritdoc />
    public override float MaxScore(int upTo)
    {
        var doc = _postings.DocId;
        if (doc < 0 || doc == NoMoreDocs || upTo > _postings.BlockLastDoc)
        {
            return _maxScore;
        }

        var maxFreq = _postings.BlockMaxFreq;
        return maxFreq == int.MaxValue ? _maxScore : Bm25Similarity.Score(_weight, maxFreq, _lengthTable[_postings.BlockMinNorm]);
    }
}
