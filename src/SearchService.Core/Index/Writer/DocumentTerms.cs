namespace SearchService.Core.Index.Writer;

/// <summary>
/// One text field's terms within the document being inverted: each occurrence is looked up in a
/// small per-document table (hot in cache) instead of the segment's term map, and each distinct
/// term reaches its <see cref="TermPostingsBuffer"/> once per document with all its positions.
/// Reused from document to document, so inverting allocates nothing per token.
/// </summary>
internal sealed class DocumentTerms
{
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<TermPostingsBuffer> _buffers = [];
    private int[] _counts = new int[256];
    private int[] _occurrenceSlots = new int[1024];
    private int[] _occurrencePositions = new int[1024];
    private int[] _sorted = new int[1024];
    private int _occurrences;

    public DocumentTerms() => _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool IsEmpty => _occurrences == 0;

    /// <summary>Records an occurrence; <paramref name="resolve"/> finds or creates the term's segment buffer on its first occurrence in the document.</summary>
    public void Add(ReadOnlySpan<char> term, int position, Func<ReadOnlySpan<char>, (string Key, TermPostingsBuffer Buffer)> resolve)
    {
        if (!_lookup.TryGetValue(term, out var slot))
        {
            var (key, buffer) = resolve(term);
            slot = _buffers.Count;
            _buffers.Add(buffer);
            _slots[key] = slot;
            if (slot == _counts.Length)
            {
                Array.Resize(ref _counts, _counts.Length * 2);
            }

            _counts[slot] = 0;
        }

        if (_occurrences == _occurrenceSlots.Length)
        {
            Array.Resize(ref _occurrenceSlots, _occurrences * 2);
            Array.Resize(ref _occurrencePositions, _occurrences * 2);
        }

        _counts[slot]++;
        _occurrenceSlots[_occurrences] = slot;
        _occurrencePositions[_occurrences++] = position;
    }

    /// <summary>Appends every term's occurrences to its buffer as document <paramref name="doc"/>; returns the bytes the buffers grew by; then empties itself.</summary>
    public long FlushTo(int doc)
    {
        // Counting sort by term: each term's positions end up together, still in the order they came.
        var terms = _buffers.Count;
        var start = 0;
        for (var slot = 0; slot < terms; slot++)
        {
            var count = _counts[slot];
            _counts[slot] = start;
            start += count;
        }

        if (_sorted.Length < _occurrences)
        {
            _sorted = new int[_occurrenceSlots.Length];
        }

        for (var i = 0; i < _occurrences; i++)
        {
            _sorted[_counts[_occurrenceSlots[i]]++] = _occurrencePositions[i];
        }

        long grown = 0;
        var from = 0;
        for (var slot = 0; slot < terms; slot++)
        {
            var buffer = _buffers[slot];
            var before = buffer.RamBytes;
            buffer.AddDocument(doc, _sorted.AsSpan(from, _counts[slot] - from));
            grown += buffer.RamBytes - before;
            from = _counts[slot];
        }

        Clear();
        return grown;
    }

    /// <summary>Forgets the document's occurrences without writing them.</summary>
    public void Clear()
    {
        if (_buffers.Count > 0 || _occurrences > 0)
        {
            _slots.Clear();
            _buffers.Clear();
            _occurrences = 0;
        }
    }
}
