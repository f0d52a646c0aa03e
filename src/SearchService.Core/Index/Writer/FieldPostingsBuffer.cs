namespace SearchService.Core.Index.Writer;

/// <summary>
/// One field's postings in the RAM buffer: its terms (<see cref="TermTable"/>) and, per term, a
/// stream in the shared <see cref="ByteSlicePool"/> holding each of its documents as the doc delta
/// (VInt), the frequency (VInt) and, when the field keeps positions and the analyzer asked for the
/// term's, the occurrences' position deltas exactly as <c>.pos</c> stores them. Per term the
/// table keeps four ints beside the term's record (where the stream starts, where it continues,
/// the last doc, whether it keeps positions: decided by its first document), so adding a
/// document touches one small record and the stream's tail.
/// </summary>
internal sealed class FieldPostingsBuffer
{
    private readonly ByteSlicePool _pool;
    private byte[] _encoded = new byte[256];

    public FieldPostingsBuffer(ByteSlicePool pool, bool hasPositions)
    {
        _pool = pool;
        HasPositions = hasPositions;
    }

    /// <summary>Whether the field keeps positions at all (text fields); each term then keeps them or not as its first document asked.</summary>
    public bool HasPositions { get; }

    /// <summary>The terms; per term: stream start, write address, last doc, 1 when it keeps positions.</summary>
    public TermTable Terms { get; } = new(stateInts: 4, capacity: 64);

    /// <summary>Bytes of the term table (the streams are counted with the pool).</summary>
    public long RamBytes => Terms.RamBytes;

    /// <summary>
    /// Appends document <paramref name="doc"/> (after every doc so far) to the postings of
    /// <paramref name="term"/>: <paramref name="freq"/> occurrences whose positions are
    /// <paramref name="encodedPositions"/>, kept when the term keeps positions (as
    /// <paramref name="indexPositions"/> said for its first document in the buffer).
    /// </summary>
    public void AddDocument(ReadOnlySpan<char> term, int hash, int doc, int freq, bool indexPositions, ReadOnlySpan<byte> encodedPositions) =>
        AddDocument(term, hash, doc, freq, indexPositions, encodedPositions, null, 0);

    /// <summary>As above, the positions read from <paramref name="field"/>'s term <paramref name="fieldTerm"/> when it is given, and only when the term keeps them.</summary>
    private void AddDocument(ReadOnlySpan<char> term, int hash, int doc, int freq, bool indexPositions, ReadOnlySpan<byte> encodedPositions, AnalyzedField? field, int fieldTerm)
    {
        var id = Terms.Add(term, hash, out var added);
        var state = Terms.State(id);
        if (added)
        {
            state[0] = state[1] = _pool.NewStream();
            state[3] = HasPositions && indexPositions ? 1 : 0;
        }

        var address = _pool.WriteVInt(state[1], doc - state[2]);
        address = _pool.WriteVInt(address, freq);
        if (state[3] != 0)
        {
            address = _pool.WriteBytes(address, field is null ? encodedPositions : field.ProxOf(fieldTerm));
        }

        state[1] = address;
        state[2] = doc;
    }

    /// <summary>
    /// Appends document <paramref name="doc"/> to the postings of every term of
    /// <paramref name="field"/>. Terms go in batches: first every lookup's memory is touched, then
    /// the batch is added, so the misses of a batch overlap instead of queueing (the segment's
    /// tables are far bigger than the cache, and each term of a document is somewhere else in them).
    /// </summary>
    public void AddDocument(AnalyzedField field, int doc)
    {
        const int Batch = 16;
        var terms = field.Terms;
        var count = terms.Count;
        for (var from = 0; from < count; from += Batch)
        {
            var to = Math.Min(count, from + Batch);
            var touched = 0;
            for (var id = from; id < to; id++)
            {
                Terms.Touch(terms.HashOf(id), ref touched);
            }

            Touched += touched;
            for (var id = from; id < to; id++)
            {
                AddDocument(terms.Term(id), terms.HashOf(id), doc, field.FreqOf(id), field.IndexesPositions(id), [], field, id);
            }
        }
    }

    /// <summary>Sum of what <see cref="TermTable.Touch"/> read; kept so the reads are not optimized away.</summary>
    private int Touched { get; set; }

    /// <summary>Reads term <paramref name="id"/>'s postings into <paramref name="into"/> (emptied first), with the buffer's doc numbers.</summary>
    public void Read(int id, TermPostingsBuffer into)
    {
        var state = Terms.State(id);
        var hasPositions = state[3] != 0;
        into.Clear(hasPositions);
        var reader = _pool.Read(state[0], state[1]);
        var doc = 0;
        while (!reader.AtEnd)
        {
            doc += reader.ReadVInt();
            var freq = reader.ReadVInt();
            if (!hasPositions)
            {
                into.AddDoc(doc, freq);
                continue;
            }

            // The positions go out as they came in, encoded: copy each VInt's bytes, no decoding.
            var length = 0;
            for (var i = 0; i < freq; i++)
            {
                byte b;
                do
                {
                    if (length == _encoded.Length)
                    {
                        Array.Resize(ref _encoded, length * 2);
                    }

                    b = reader.ReadByte();
                    _encoded[length++] = b;
                }
                while (b >= 0x80);
            }

            into.AddDocument(doc, freq, _encoded.AsSpan(0, length));
        }
    }
}
