using System.Runtime.CompilerServices;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Terms interned by a hash of their chars: each distinct term gets a dense id (0, 1, 2 … in the
/// order first seen) and its chars are kept once, in one shared char array. Looking a term up takes
/// a span and its hash, so the hot path makes no string: an analysis thread hashes each token
/// once, and the writer reuses that hash for the segment's table.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, kept at most half full. The hash is seeded per process,
/// so a crafted text cannot aim at collisions it could compute ahead.
/// </remarks>
internal sealed class TermTable
{
    private static readonly uint Seed = (uint)Random.Shared.Next() | 1u;

    private char[] _chars;
    private int _charCount;
    private int[] _starts;
    private int[] _lengths;
    private int[] _hashes;
    private int[] _slots; // term id + 1; 0 for an empty slot
    private int _mask;

    public TermTable(int capacity = 16)
    {
        var slots = 16;
        while (slots < capacity * 2)
        {
            slots <<= 1;
        }

        _slots = new int[slots];
        _mask = slots - 1;
        _starts = new int[Math.Max(capacity, 4)];
        _lengths = new int[_starts.Length];
        _hashes = new int[_starts.Length];
        _chars = new char[_starts.Length * 8];
    }

    /// <summary>Distinct terms so far.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the arrays behind the table, for RAM accounting.</summary>
    public long RamBytes => (_chars.Length * 2L) + (_starts.Length * 12L) + (_slots.Length * 4L);

    /// <summary>The hash of <paramref name="term"/> every table of this process uses.</summary>
    public static int Hash(ReadOnlySpan<char> term)
    {
        var h = Seed;
        foreach (var c in term)
        {
            h = (h ^ c) * 16777619u;
        }

        // Spread the low bits, which pick the slot.
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)h;
    }

    /// <summary>The chars of term <paramref name="id"/>; valid until the next add.</summary>
    public ReadOnlySpan<char> Term(int id) => _chars.AsSpan(_starts[id], _lengths[id]);

    /// <summary>The hash of term <paramref name="id"/>.</summary>
    public int HashOf(int id) => _hashes[id];

    /// <summary>The id of <paramref name="term"/> (whose hash is <paramref name="hash"/>), adding it when new.</summary>
    public int Add(ReadOnlySpan<char> term, int hash, out bool added)
    {
        var slot = hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            var id = entry - 1;
            if (_hashes[id] == hash && Matches(id, term))
            {
                added = false;
                return id;
            }

            slot = (slot + 1) & _mask;
        }

        added = true;
        var newId = Append(term, hash);
        _slots[slot] = newId + 1;
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return newId;
    }

    /// <summary>Forgets every term, keeping the arrays for the next use.</summary>
    public void Clear()
    {
        if (Count == 0)
        {
            return;
        }

        Array.Clear(_slots);
        Count = 0;
        _charCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Matches(int id, ReadOnlySpan<char> term) =>
        _lengths[id] == term.Length && _chars.AsSpan(_starts[id], term.Length).SequenceEqual(term);

    private int Append(ReadOnlySpan<char> term, int hash)
    {
        var id = Count;
        if (id == _starts.Length)
        {
            var size = id * 2;
            Array.Resize(ref _starts, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _hashes, size);
        }

        if (_chars.Length - _charCount < term.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        _starts[id] = _charCount;
        _lengths[id] = term.Length;
        _hashes[id] = hash;
        _charCount += term.Length;
        Count = id + 1;
        return id;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var mask = slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id + 1;
        }

        _slots = slots;
        _mask = mask;
    }
}
