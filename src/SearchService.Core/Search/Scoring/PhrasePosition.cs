using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Scoring;

/// <summary>
/// One position of a phrase in one segment: the postings of its alternative terms (an accented
/// syllable and its folded form) walked as one, and the positions of the current document
/// merged into a reusable buffer only when the phrase asks for them.
/// </summary>
internal sealed class PhrasePosition
{
    private readonly PostingsEnum[] _alternatives;
    private int[] _positions = new int[16];

    public PhrasePosition(PostingsEnum[] alternatives)
    {
        _alternatives = alternatives;
        HasPositions = true;
        foreach (var postings in alternatives)
        {
            Cost += postings.DocFreq;
            HasPositions &= postings.HasPositions;
        }
    }

    public long Cost { get; }

    /// <summary>Whether every alternative's positions are indexed (<see cref="ReadPositions"/> may be called).</summary>
    public bool HasPositions { get; }

    /// <summary>Whether the word has one term (its frequency is then its count of distinct positions).</summary>
    public bool IsSingleTerm => _alternatives.Length == 1;

    public int DocId { get; private set; } = -1;

    /// <summary>Positions read by <see cref="ReadPositions"/>, ascending, without duplicates.</summary>
    public ReadOnlySpan<int> Positions => _positions.AsSpan(0, PositionCount);

    public int PositionCount { get; private set; }

    public int Advance(int target)
    {
        var min = PostingsEnum.NoMoreDocs;
        foreach (var postings in _alternatives)
        {
            var doc = postings.DocId < target ? postings.Advance(target) : postings.DocId;
            min = Math.Min(min, doc);
        }

        return DocId = min;
    }

    /// <summary>
    /// Bounds for documents from <paramref name="target"/> up to the returned document: the largest
    /// frequency of this word (summed over its alternatives) and the smallest norm, from the blocks
    /// the alternatives are in; false when some alternative has no block covering the target.
    /// </summary>
    public bool TryBlockBound(int target, out int upTo, out long maxFreq, out byte minNorm)
    {
        upTo = PostingsEnum.NoMoreDocs;
        maxFreq = 0;
        minNorm = 255;
        foreach (var postings in _alternatives)
        {
            var doc = postings.DocId;
            if (doc == PostingsEnum.NoMoreDocs)
            {
                continue;
            }

            if (doc < 0 || target > postings.BlockLastDoc || postings.BlockMaxFreq == int.MaxValue)
            {
                return false;
            }

            upTo = Math.Min(upTo, postings.BlockLastDoc);
            maxFreq += postings.BlockMaxFreq;
            minNorm = Math.Min(minNorm, postings.BlockMinNorm);
        }

        return true;
    }

    /// <summary>Occurrences of the word in the current document (summed over the alternatives on it), read without positions.</summary>
    public int CurrentFreq()
    {
        var freq = 0;
        foreach (var postings in _alternatives)
        {
            if (postings.DocId == DocId)
            {
                freq += postings.Freq;
            }
        }

        return freq;
    }

    public void ReadPositions()
    {
        var count = 0;
        foreach (var postings in _alternatives)
        {
            if (postings.DocId != DocId)
            {
                continue;
            }

            while (postings.NextPosition())
            {
                if (count == _positions.Length)
                {
                    Array.Resize(ref _positions, count * 2);
                }

                _positions[count++] = postings.Position;
            }
        }

        if (_alternatives.Length > 1)
        {
            Array.Sort(_positions, 0, count);
            var unique = 0;
            for (var i = 0; i < count; i++)
            {
                if (unique == 0 || _positions[unique - 1] != _positions[i])
                {
                    _positions[unique++] = _positions[i];
                }
            }

            count = unique;
        }

        PositionCount = count;
    }
}
