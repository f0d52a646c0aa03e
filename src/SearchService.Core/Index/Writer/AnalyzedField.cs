namespace SearchService.Core.Index.Writer;

/// <summary>
/// One text field of a document, analyzed and gathered by term: each distinct term once, with
/// its frequency and its positions already encoded as <c>.pos</c> stores them (VInt deltas from
/// 0), and whether the analyzer asked for its positions (<see cref="Analysis.TokenAttributes.IndexPositions"/>,
/// taken from its first occurrence). The segment's buffer then touches each term once per document instead of once per token.
/// Reused from document to document, so it allocates nothing once its arrays have grown.
/// </summary>
internal sealed class AnalyzedField : Analysis.ITermSink
{
    private int[] _occurrenceTerms = new int[1024];
    private int[] _occurrencePositions = new int[1024];
    private int _occurrences;
    private int[] _proxStarts = new int[257];
    private byte[] _prox = new byte[4096];

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

    /// <summary>The encoded positions of term <paramref name="id"/> (encoded for every term, so a segment that took a term's positions from an earlier document finds them).</summary>
    public ReadOnlySpan<byte> ProxOf(int id) => _prox.AsSpan(_proxStarts[id], _proxStarts[id + 1] - _proxStarts[id]);

    /// <inheritdoc />
    public int Generation { get; private set; }

    public void Clear()
    {
        Generation++;
        Terms.Clear();
        Length = 0;
        _occurrences = 0;
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
        if (_occurrences == _occurrenceTerms.Length)
        {
            Array.Resize(ref _occurrenceTerms, _occurrences * 2);
            Array.Resize(ref _occurrencePositions, _occurrences * 2);
        }

        Terms.State(id)[0]++;
        _occurrenceTerms[_occurrences] = id;
        _occurrencePositions[_occurrences++] = position;
    }

    /// <summary>Groups the occurrences by term (a counting sort, each term's positions kept in order) and encodes them.</summary>
    public void Finish()
    {
        var terms = Terms.Count;
        if (_proxStarts.Length < terms + 1)
        {
            _proxStarts = new int[Math.Max(terms + 1, _proxStarts.Length * 2)];
        }

        // Where each term's positions go, counted in ints first (reusing the starts array as cursors).
        var cursors = _proxStarts;
        var start = 0;
        for (var id = 0; id < terms; id++)
        {
            cursors[id] = start;
            start += FreqOf(id);
        }

        var sorted = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(_occurrences, 1));
        try
        {
            for (var i = 0; i < _occurrences; i++)
            {
                sorted[cursors[_occurrenceTerms[i]]++] = _occurrencePositions[i];
            }

            // Encode: a VInt takes at most 5 bytes.
            if (_prox.Length < _occurrences * 5)
            {
                _prox = new byte[Math.Max(_occurrences * 5, _prox.Length * 2)];
            }

            var p = 0;
            var from = 0;
            for (var id = 0; id < terms; id++)
            {
                _proxStarts[id] = p;
                var last = 0;
                var to = from + FreqOf(id);
                for (var i = from; i < to; i++)
                {
                    var v = (uint)(sorted[i] - last);
                    last = sorted[i];
                    while (v >= 0x80)
                    {
                        _prox[p++] = (byte)(v | 0x80);
                        v >>= 7;
                    }

                    _prox[p++] = (byte)v;
                }

                from = to;
            }

            _proxStarts[terms] = p;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(sorted);
        }
    }
}
