namespace SearchService.Core.Analysis;

/// <summary>
/// Terms interned to dense numbers (0, 1, 2 … in the order first seen), their chars kept once in
/// one array: a chain that meets the same few thousand syllables in every document looks each up
/// by its chars once and works on the number from then on.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, at most half full; a slot holds the number and the hash
/// (<see cref="TermHash"/>), so a probe compares hashes before chars. Each term's raw hash is kept,
/// so the hash of a term joined from two of them costs no pass over chars.
/// </remarks>
internal sealed class TermVocabulary
{
    private char[] _chars = new char[1 << 14];
    private int _charCount;
    private int[] _starts = new int[1024];
    private int[] _lengths = new int[1024];
    private ulong[] _raw = new ulong[1024];
    private int[] _slots = new int[4096]; // per slot: number + 1 (0 when empty), hash
    private int _mask = 2047;

    /// <summary>Distinct terms so far.</summary>
    public int Count { get; private set; }

    /// <summary>The chars of term <paramref name="id"/>; valid until the next <see cref="Intern"/>.</summary>
    public ReadOnlySpan<char> Term(int id) => _chars.AsSpan(_starts[id], _lengths[id]);

    /// <summary>The raw hash of term <paramref name="id"/> (<see cref="TermHash.Raw"/>).</summary>
    public ulong RawHash(int id) => _raw[id];

    /// <summary>The number of <paramref name="term"/>, or −1 when it is not in the vocabulary.</summary>
    public int Find(ReadOnlySpan<char> term) => Probe(term, TermHash.Of(term), out _);

    /// <summary>The number of <paramref name="term"/>; <paramref name="added"/> when it was new.</summary>
    public int Intern(ReadOnlySpan<char> term, out bool added)
    {
        var raw = TermHash.Raw(term);
        var hash = TermHash.Mix(raw);
        var found = Probe(term, hash, out var slot);
        if (found >= 0)
        {
            added = false;
            return found;
        }

        added = true;
        var id = Count;
        if (id == _starts.Length)
        {
            Array.Resize(ref _starts, id * 2);
            Array.Resize(ref _lengths, id * 2);
            Array.Resize(ref _raw, id * 2);
        }

        if (_chars.Length - _charCount < term.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        _starts[id] = _charCount;
        _lengths[id] = term.Length;
        _raw[id] = raw;
        _charCount += term.Length;
        Count = id + 1;
        _slots[slot * 2] = id + 1;
        _slots[(slot * 2) + 1] = hash;
        if (Count * 2 > _mask + 1)
        {
            _slots = TermSlots.Grow(_slots, out _mask);
        }

        return id;
    }

    /// <summary>The number of <paramref name="term"/> (whose hash is <paramref name="hash"/>) or −1, and the slot where the probe ended.</summary>
    private int Probe(ReadOnlySpan<char> term, int hash, out int slot)
    {
        slot = hash & _mask;
        while (true)
        {
            var entry = _slots[slot * 2];
            if (entry == 0)
            {
                return -1;
            }

            if (_slots[(slot * 2) + 1] == hash && _chars.AsSpan(_starts[entry - 1], _lengths[entry - 1]).SequenceEqual(term))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Forgets every term, keeping the arrays.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
        _charCount = 0;
    }
}
