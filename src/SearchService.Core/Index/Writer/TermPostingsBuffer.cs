using SearchService.Core.Index.Codec;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// One term's postings while they are in the RAM buffer: the docs it occurs in, how often, and
/// every occurrence's position and offsets (three ints each, in <see cref="Prox"/>).
/// </summary>
internal sealed class TermPostingsBuffer
{
    public IntList Docs { get; } = new(2);

    public IntList Freqs { get; } = new(2);

    public IntList Prox { get; } = new(6);

    public int LastDoc { get; private set; } = -1;

    public long RamBytes => 96 + Docs.CapacityBytes + Freqs.CapacityBytes + Prox.CapacityBytes;

    public void Add(int doc, int position, int start, int end)
    {
        if (doc != LastDoc)
        {
            Docs.Add(doc);
            Freqs.Add(0);
            LastDoc = doc;
        }

        Freqs[Freqs.Count - 1]++;
        Prox.Add(position);
        Prox.Add(start);
        Prox.Add(end);
    }
}
