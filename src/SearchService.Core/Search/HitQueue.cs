namespace SearchService.Core.Search;

/// <summary>
/// A bounded min-heap of the best hits so far, its root the weakest kept hit, so a new document
/// is compared with one hit only. Order: higher sort value (sorting by a numeric field) or score first, then the
/// lower document number.
/// </summary>
internal sealed class HitQueue
{
    private readonly ScoreDoc[] _heap;
    private readonly bool _bySortValue;

    public HitQueue(int capacity, bool bySortValue)
    {
        _heap = new ScoreDoc[Math.Max(capacity, 1)];
        Capacity = capacity;
        _bySortValue = bySortValue;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>The weakest kept hit (when full, what a new hit must beat).</summary>
    public ScoreDoc Weakest => _heap[0];

    /// <summary>True when <paramref name="a"/> sorts before (is better than) <paramref name="b"/>.</summary>
    public bool Better(in ScoreDoc a, in ScoreDoc b)
    {
        if (_bySortValue && a.SortValue != b.SortValue)
        {
            return a.SortValue > b.SortValue;
        }

        if (!_bySortValue && a.Score != b.Score)
        {
            return a.Score > b.Score;
        }

        return a.Doc < b.Doc;
    }

    /// <summary>Offers a hit; false when it was not good enough to keep.</summary>
    public bool Offer(in ScoreDoc hit)
    {
        if (Capacity == 0)
        {
            return false;
        }

        if (Count < Capacity)
        {
            _heap[Count] = hit;
            Up(Count++);
            return true;
        }

        if (!Better(hit, _heap[0]))
        {
            return false;
        }

        _heap[0] = hit;
        Down(0);
        return true;
    }

    /// <summary>The kept hits, best first; empties the queue.</summary>
    public ScoreDoc[] Drain()
    {
        var result = new ScoreDoc[Count];
        for (var i = Count - 1; i >= 0; i--)
        {
            result[i] = _heap[0];
            _heap[0] = _heap[--Count];
            Down(0);
        }

        return result;
    }

    private void Up(int i)
    {
        var hit = _heap[i];
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Better(_heap[parent], hit))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = hit;
    }

    private void Down(int i)
    {
        if (Count == 0)
        {
            return;
        }

        var hit = _heap[i];
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && Better(_heap[child], _heap[child + 1]))
            {
                child++;
            }

            if (!Better(hit, _heap[child]))
            {
                break;
            }

            _heap[i] = _heap[child];
            i = child;
        }

        _heap[i] = hit;
    }
}
