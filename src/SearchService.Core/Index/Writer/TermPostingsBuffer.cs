using SearchService.Core.Index.Codec;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// One term's postings while they are in the RAM buffer: the docs it occurs in, how often, and
/// every occurrence's position, already encoded as <c>.pos</c> stores them (per doc: position
/// delta VInt, restarting at each doc), with where each doc's bytes start so a flush can copy
/// them out a doc or a whole term at a time.
/// </summary>
internal sealed class TermPostingsBuffer
{
    private int _lastPosition;

    public IntList Docs { get; } = new(2);

    public IntList Freqs { get; } = new(2);

    /// <summary>Where each doc's occurrences start in <see cref="Prox"/>.</summary>
    public IntList ProxStarts { get; } = new(2);

    /// <summary>Every occurrence, encoded.</summary>
    public ByteList Prox { get; } = new(8);

    public int LastDoc { get; private set; } = -1;

    public long RamBytes => 96 + Docs.CapacityBytes + Freqs.CapacityBytes + ProxStarts.CapacityBytes + Prox.CapacityBytes;

    /// <summary>Adds an occurrence; docs come in increasing order, and within a doc positions do not decrease.</summary>
    public void Add(int doc, int position)
    {
        if (doc != LastDoc)
        {
            Docs.Add(doc);
            Freqs.Add(0);
            ProxStarts.Add(Prox.Count);
            LastDoc = doc;
            _lastPosition = 0;
        }

        Freqs[Freqs.Count - 1]++;
        Prox.AddVInt(position - _lastPosition);
        _lastPosition = position;
    }

    /// <summary>The encoded occurrences of the <paramref name="index"/>-th doc.</summary>
    public ReadOnlySpan<byte> ProxOf(int index)
    {
        var start = ProxStarts[index];
        var end = index + 1 < ProxStarts.Count ? ProxStarts[index + 1] : Prox.Count;
        return Prox.Span[start..end];
    }
}
