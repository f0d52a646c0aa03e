namespace SearchService.Core.Index.Codec;

/// <summary>A growable array of ints without the per-call overhead of List; the RAM buffer's postings live in these.</summary>
public sealed class IntList
{
    private int[] _items;

    /// <summary>Creates an empty list with room for <paramref name="capacity"/> ints.</summary>
    public IntList(int capacity = 4)
    {
        _items = new int[capacity];
    }

    /// <summary>Number of ints.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the backing array, for RAM accounting.</summary>
    public long CapacityBytes => _items.Length * 4L;

    /// <summary>The ints as a span.</summary>
    public Span<int> Span => _items.AsSpan(0, Count);

    /// <summary>The int at <paramref name="index"/>.</summary>
    public int this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    /// <summary>Empties the list, keeping its array.</summary>
    public void Clear() => Count = 0;

    /// <summary>Appends a value.</summary>
    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }
}
