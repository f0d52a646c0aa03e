using SearchService.Core.Index.Codec;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// One term's postings while they are in the RAM buffer: the docs it occurs in, how often, and,
/// when the term's positions are indexed, every occurrence's position as compact VInt deltas
/// (per doc, restarting at each doc), with where each doc's bytes start; a flush decodes them
/// into the packed blocks of <c>.pos</c> (see <see cref="PostingsFormat"/>).
/// </summary>
internal sealed class TermPostingsBuffer
{
    private int _lastPosition;

    /// <summary>Whether the term being gathered keeps positions (set by <see cref="Clear"/>: the writer reads every term into one reused buffer).</summary>
    public bool HasPositions { get; private set; }

    public IntList Docs { get; } = new(2);

    public IntList Freqs { get; } = new(2);

    /// <summary>Where each doc's occurrences start in <see cref="Prox"/> (empty without positions).</summary>
    public IntList ProxStarts { get; } = new(2);

    /// <summary>Every occurrence, encoded (empty without positions).</summary>
    public ByteList Prox { get; } = new(8);

    public int LastDoc { get; private set; } = -1;

    public long RamBytes => 96 + Docs.CapacityBytes + Freqs.CapacityBytes + ProxStarts.CapacityBytes + Prox.CapacityBytes;

    /// <summary>Forgets every doc, keeping the arrays, to gather a term that keeps positions or not (<paramref name="hasPositions"/>).</summary>
    public void Clear(bool hasPositions)
    {
        Docs.Clear();
        Freqs.Clear();
        ProxStarts.Clear();
        Prox.Clear();
        LastDoc = -1;
        HasPositions = hasPositions;
    }

    /// <summary>Adds an occurrence; docs come in increasing order, and within a doc positions do not decrease.</summary>
    public void Add(int doc, int position)
    {
        if (doc != LastDoc)
        {
            Docs.Add(doc);
            Freqs.Add(0);
            if (HasPositions)
            {
                ProxStarts.Add(Prox.Count);
            }

            LastDoc = doc;
            _lastPosition = 0;
        }

        Freqs[Freqs.Count - 1]++;
        if (HasPositions)
        {
            Prox.AddVInt(position - _lastPosition);
            _lastPosition = position;
        }
    }

    /// <summary>Adds document <paramref name="doc"/> (after every doc so far) with its occurrences' positions, in order.</summary>
    public void AddDocument(int doc, ReadOnlySpan<int> positions)
    {
        Docs.Add(doc);
        Freqs.Add(positions.Length);
        LastDoc = doc;
        if (!HasPositions)
        {
            return;
        }

        ProxStarts.Add(Prox.Count);
        var last = 0;
        foreach (var position in positions)
        {
            Prox.AddVInt(position - last);
            last = position;
        }
    }

    /// <summary>Adds document <paramref name="doc"/> with <paramref name="freq"/> occurrences whose positions are already encoded as <c>.pos</c> stores them.</summary>
    public void AddDocument(int doc, int freq, ReadOnlySpan<byte> encodedPositions)
    {
        Docs.Add(doc);
        Freqs.Add(freq);
        LastDoc = doc;
        ProxStarts.Add(Prox.Count);
        Prox.AddBytes(encodedPositions);
    }

    /// <summary>Adds a doc with <paramref name="freq"/> occurrences and no positions (a merge of a term without them).</summary>
    public void AddDoc(int doc, int freq)
    {
        Docs.Add(doc);
        Freqs.Add(freq);
        LastDoc = doc;
    }

    /// <summary>The encoded occurrences of the <paramref name="index"/>-th doc.</summary>
    public ReadOnlySpan<byte> ProxOf(int index)
    {
        var starts = ProxStarts;
        var start = starts[index];
        var end = index + 1 < starts.Count ? starts[index + 1] : Prox.Count;
        return Prox.Span[start..end];
    }
}
