namespace SearchService.Core.Index.Writer;

/// <summary>
/// One text field of a document, analyzed and gathered by term: each distinct term once, with
/// its frequency, whether the analyzer asked for its positions (<see cref="Analysis.TokenAttributes.IndexPositions"/>,
/// taken from its first occurrence) and, for a term that keeps them, its positions already
/// encoded as <c>.pos</c> stores them (VInt deltas from 0). The segment's buffer then touches each
/// term once per document instead of once per token. Reused from document to document, so it
/// allocates nothing once its arrays have grown.
/// </summary>
internal sealed class AnalyzedField : Analysis.ITermSink
{
    // Occurrences of the terms that keep positions, which Finish sorts by term and encodes, apart
    // from those of the terms that keep none (most of them: accented forms and pairs), which only
    // an analyzer that marks a term both ways ever needs (EncodeLate).
    private readonly Occurrences _positioned = new();
    private readonly Occurrences _unpositioned = new();
    private int[] _proxStarts = new int[257];
    private byte[] _prox = new byte[4096];
    private byte[] _lateProx = new byte[64];

    /// <summary>The document's distinct terms in order of first occurrence, hashed.</summary>
    public TermTable Terms { get; } = new(stateInts: 2, capacity: 1024);

    /// <summary>The field's length in positions (what its norm encodes).</summary>
    public int Length { get; set; }

    /// <summary>True when the document gave the field no token.</summary>
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Occurrences of term <paramref name="id"/>.</summary>
    public int FreqOf(int id) => Terms.State(id)[0];

    /// <summary>Whether the analyzer asked for the positions of term <paramref name="id"/>.</summary>
    public bool IndexesPositions(int id) => Terms.State(id)[1] != 0;

    /// <summary>
    /// The encoded positions of term <paramref name="id"/>. <see cref="Finish"/> encodes them for
    /// the terms that keep positions (most occurrences are of accented forms and pairs, which do
    /// not); a term marked otherwise is encoded here when asked, for the segment that took its
    /// positions from an earlier document marked differently (an analyzer whose marks do not
    /// depend on the term alone). Valid until the next call.
    /// </summary>
    public ReadOnlySpan<byte> ProxOf(int id) => IndexesPositions(id)
        ? _prox.AsSpan(_proxStarts[id], _proxStarts[id + 1] - _proxStarts[id])
        : EncodeLate(id);

    /// <inheritdoc />
    public int Generation { get; private set; }

    public void Clear()
    {
        Generation++;
        Terms.Clear();
        Length = 0;
        _positioned.Count = 0;
        _unpositioned.Count = 0;
    }

    /// <summary>
    /// Records an occurrence of <paramref name="term"/> (whose hash is <paramref name="hash"/>) at <paramref name="position"/> (positions
    /// never decrease); <paramref name="indexPositions"/> counts at the term's first occurrence.
    /// Returns the term's number in this document, or −1 for a term too long to index (see
    /// <see cref="AnalyzedDocument.IsTooLong"/>).
    /// </summary>
    public int Add(ReadOnlySpan<char> term, int hash, int position, bool indexPositions)
    {
        if (AnalyzedDocument.IsTooLong(term))
        {
            return -1;
        }

        var id = Terms.Add(term, hash, out var added);
        if (added)
        {
            Terms.State(id)[1] = indexPositions ? 1 : 0;
        }

        AddAgain(id, position);
        return id;
    }

    /// <summary>Records another occurrence of term <paramref name="id"/> at <paramref name="position"/>.</summary>
    public void AddAgain(int id, int position)
    {
        var state = Terms.State(id);
        state[0]++;
        if (state[1] != 0)
        {
            _positioned.Add(id, position);
        }
        else
        {
            _unpositioned.Add(id, position);
        }
    }

    /// <summary>Groups the occurrences of the terms that keep positions by term (a counting sort, each term's positions kept in order) and encodes them.</summary>
    public void Finish()
    {
        var terms = Terms.Count;
        if (_proxStarts.Length < terms + 1)
        {
            _proxStarts = new int[Math.Max(terms + 1, _proxStarts.Length * 2)];
        }

        // Where each term's positions go, counted in ints first (reusing the starts array as
        // cursors); a term without positions takes no room (its occurrences are kept apart).
        var cursors = _proxStarts;
        var start = 0;
        for (var id = 0; id < terms; id++)
        {
            if (IndexesPositions(id))
            {
                cursors[id] = start;
                start += FreqOf(id);
            }
            else
            {
                cursors[id] = -1;
            }
        }

        var sorted = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(start, 1));
        try
        {
            var occurrenceTerms = _positioned.Terms;
            var occurrencePositions = _positioned.Positions;
            for (var i = 0; i < _positioned.Count; i++)
            {
                var term = occurrenceTerms[i];
                var cursor = cursors[term];
                sorted[cursor] = occurrencePositions[i];
                cursors[term] = cursor + 1;
            }

            // Encode: a VInt takes at most 5 bytes.
            if (_prox.Length < start * 5)
            {
                _prox = new byte[Math.Max(start * 5, _prox.Length * 2)];
            }

            var p = 0;
            var from = 0;
            for (var id = 0; id < terms; id++)
            {
                _proxStarts[id] = p;
                if (!IndexesPositions(id))
                {
                    continue;
                }

                var to = from + FreqOf(id);
                p = Encode(sorted.AsSpan(from, to - from), _prox, p);
                from = to;
            }

            _proxStarts[terms] = p;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(sorted);
        }
    }

    /// <summary>Writes <paramref name="positions"/> (ascending) as VInt deltas from 0 into <paramref name="into"/> at <paramref name="at"/>; returns the end.</summary>
    private static int Encode(ReadOnlySpan<int> positions, byte[] into, int at)
    {
        var last = 0;
        foreach (var position in positions)
        {
            var v = (uint)(position - last);
            last = position;
            while (v >= 0x80)
            {
                into[at++] = (byte)(v | 0x80);
                v >>= 7;
            }

            into[at++] = (byte)v;
        }

        return at;
    }

    /// <summary>The positions of a term <see cref="Finish"/> did not encode, gathered from the occurrences.</summary>
    private ReadOnlySpan<byte> EncodeLate(int id)
    {
        var positions = new int[FreqOf(id)];
        var n = 0;
        for (var i = 0; i < _unpositioned.Count; i++)
        {
            if (_unpositioned.Terms[i] == id)
            {
                positions[n++] = _unpositioned.Positions[i];
            }
        }

        if (_lateProx.Length < n * 5)
        {
            _lateProx = new byte[n * 5];
        }

        return _lateProx.AsSpan(0, Encode(positions, _lateProx, 0));
    }

    /// <summary>A growing list of (term, position) occurrences, reused from document to document.</summary>
    private sealed class Occurrences
    {
        public int[] Terms = new int[1024];
        public int[] Positions = new int[1024];
        public int Count;

        public void Add(int term, int position)
        {
            if (Count == Terms.Length)
            {
                Array.Resize(ref Terms, Count * 2);
                Array.Resize(ref Positions, Count * 2);
            }

            Terms[Count] = term;
            Positions[Count++] = position;
        }
    }
}
