using System.Runtime.CompilerServices;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Terms interned by a hash of their chars: each distinct term gets a dense id (0, 1, 2 … in the
/// order first seen) and its chars are kept once, in one shared char array. Looking a term up takes
/// a span and its hash, so the hot path makes no string: an analysis thread hashes each token
/// once, and the writer reuses that hash for the segment's table. Each term also has a few ints of
/// the caller's (<see cref="State"/>: a frequency, where a postings stream continues …) kept next
/// to the term's own record, so one lookup brings both into the cache.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, kept at most half full; a slot holds the id and the hash,
/// so a probe compares hashes without reading the term. The hash (<see cref="Analysis.TermHash"/>)
/// is seeded per process, so a crafted text cannot aim at collisions it could compute ahead.
/// </remarks>
internal sealed class TermTable
{
    private const int Fixed = 3; // start in the char array, length, hash

    private readonly int _stride;
    private char[] _chars;
    private int _charCount;
    private int[] _entries; // per id: start, length, hash, then the caller's ints
    private int[] _slots; // per slot: id + 1 (0 when empty), hash
    private int _mask;

    /// <summary>A table with <paramref name="stateInts"/> ints of the caller's per term, sized for <paramref name="capacity"/> terms.</summary>
    public TermTable(int stateInts, int capacity = 16)
    {
        _stride = Fixed + stateInts;
        var slots = 16;
        while (slots < capacity * 2)
        {
            slots <<= 1;
        }

        _slots = new int[slots * 2];
        _mask = slots - 1;
        _entries = new int[Math.Max(capacity, 4) * _stride];
        _chars = new char[Math.Max(capacity, 4) * 8];
    }

    /// <summary>Distinct terms so far.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes of the arrays behind the table, for RAM accounting.</summary>
    public long RamBytes => (_chars.Length * 2L) + (_entries.Length * 4L) + (_slots.Length * 4L);

    /// <summary>The hash of <paramref name="term"/> every table of this process uses (<see cref="Analysis.TermHash"/>).</summary>
    public static int Hash(ReadOnlySpan<char> term) => Analysis.TermHash.Of(term);

    /// <summary>The chars of term <paramref name="id"/>; valid until the next add.</summary>
    public ReadOnlySpan<char> Term(int id)
    {
        var e = id * _stride;
        return _chars.AsSpan(_entries[e], _entries[e + 1]);
    }

    /// <summary>The hash of term <paramref name="id"/>.</summary>
    public int HashOf(int id) => _entries[(id * _stride) + 2];

    /// <summary>The caller's ints of term <paramref name="id"/> (0 when the term was added); valid until the next add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<int> State(int id) => _entries.AsSpan((id * _stride) + Fixed, _stride - Fixed);

    /// <summary>
    /// Reads the memory a lookup of <paramref name="hash"/> will read first (its slot, and the
    /// record and first char of the term found there), adding what it read to <paramref name="sink"/>
    /// so the reads are kept. Touching a batch of terms before looking them up lets the processor wait for their cache
    /// misses together rather than one after another.
    /// </summary>
    public void Touch(int hash, ref int sink)
    {
        var entry = _slots[(hash & _mask) * 2];
        if (entry != 0)
        {
            var start = _entries[(entry - 1) * _stride];
            sink += _chars[start < _chars.Length ? start : 0];
        }
    }

    /// <summary>The id of <paramref name="term"/> (whose hash is <paramref name="hash"/>), adding it when new.</summary>
    public int Add(ReadOnlySpan<char> term, int hash, out bool added)
    {
        var slots = _slots;
        var slot = hash & _mask;
        while (true)
        {
            var entry = slots[slot * 2];
            if (entry == 0)
            {
                break;
            }

            if (slots[(slot * 2) + 1] == hash && Matches(entry - 1, term))
            {
                added = false;
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }

        added = true;
        var id = Append(term, hash);
        slots[slot * 2] = id + 1;
        slots[(slot * 2) + 1] = hash;
        if (Count * 2 > _mask + 1)
        {
            _slots = Analysis.TermSlots.Grow(_slots, out _mask);
        }

        return id;
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
    private bool Matches(int id, ReadOnlySpan<char> term)
    {
        var e = id * _stride;
        return _entries[e + 1] == term.Length && _chars.AsSpan(_entries[e], term.Length).SequenceEqual(term);
    }

    private int Append(ReadOnlySpan<char> term, int hash)
    {
        var id = Count;
        var e = id * _stride;
        if (e + _stride > _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        if (_chars.Length - _charCount < term.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        _entries[e] = _charCount;
        _entries[e + 1] = term.Length;
        _entries[e + 2] = hash;
        for (var i = e + Fixed; i < e + _stride; i++)
        {
            _entries[i] = 0; // a few ints: a loop, not a call to clear memory
        }
        _charCount += term.Length;
        Count = id + 1;
        return id;
    }
}
