namespace SearchService.Core.Index.Writer;

/// <summary>
/// One field's postings in the RAM buffer: its terms (<see cref="TermTable"/>) and, per term, a
/// stream in the shared <see cref="ByteSlicePool"/> holding each of its documents as the doc delta
/// (VInt), the frequency (VInt) and, when the field keeps positions, the occurrences' position
/// deltas exactly as <c>.pos</c> stores them. Per term the writer keeps three ints side by side
/// (where the stream starts, where it continues, the last doc), so adding a document touches one
/// small record and the stream's tail.
/// </summary>
internal sealed class FieldPostingsBuffer
{
    private const int StateInts = 3; // stream start, write address, last doc
    private readonly ByteSlicePool _pool;
    private int[] _state = new int[StateInts * 64];
    private int[] _positions = new int[64];

    public FieldPostingsBuffer(ByteSlicePool pool, bool hasPositions)
    {
        _pool = pool;
        HasPositions = hasPositions;
    }

    public bool HasPositions { get; }

    public TermTable Terms { get; } = new(64);

    /// <summary>Bytes of the term table and the per-term records (the streams are counted with the pool).</summary>
    public long RamBytes => Terms.RamBytes + (_state.Length * 4L);

    /// <summary>
    /// Appends document <paramref name="doc"/> (after every doc so far) to the postings of
    /// <paramref name="term"/>: <paramref name="freq"/> occurrences whose positions are
    /// <paramref name="encodedPositions"/> (empty for a field without positions).
    /// </summary>
    public void AddDocument(ReadOnlySpan<char> term, int hash, int doc, int freq, ReadOnlySpan<byte> encodedPositions)
    {
        var id = Terms.Add(term, hash, out var added);
        var s = id * StateInts;
        if (added)
        {
            if (s == _state.Length)
            {
                Array.Resize(ref _state, _state.Length * 2);
            }

            var start = _pool.NewStream();
            _state[s] = start;
            _state[s + 1] = start;
            _state[s + 2] = 0;
        }

        var address = _pool.WriteVInt(_state[s + 1], doc - _state[s + 2]);
        address = _pool.WriteVInt(address, freq);
        if (!encodedPositions.IsEmpty)
        {
            address = _pool.WriteBytes(address, encodedPositions);
        }

        _state[s + 1] = address;
        _state[s + 2] = doc;
    }

    /// <summary>Reads term <paramref name="id"/>'s postings into <paramref name="into"/> (emptied first), with the buffer's doc numbers.</summary>
    public void Read(int id, TermPostingsBuffer into)
    {
        into.Clear();
        var s = id * StateInts;
        var reader = _pool.Read(_state[s], _state[s + 1]);
        var doc = 0;
        while (!reader.AtEnd)
        {
            doc += reader.ReadVInt();
            var freq = reader.ReadVInt();
            if (!HasPositions)
            {
                into.AddDoc(doc, freq);
                continue;
            }

            if (_positions.Length < freq)
            {
                _positions = new int[Math.Max(freq, _positions.Length * 2)];
            }

            var position = 0;
            for (var i = 0; i < freq; i++)
            {
                position += reader.ReadVInt();
                _positions[i] = position;
            }

            into.AddDocument(doc, _positions.AsSpan(0, freq));
        }
    }
}
