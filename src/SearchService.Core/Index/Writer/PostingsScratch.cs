namespace SearchService.Core.Index.Writer;

/// <summary>Reusable arrays for writing one term's postings, so flushing allocates per segment, not per term.</summary>
internal sealed class PostingsScratch
{
    public int[] Docs { get; private set; } = new int[256];

    public int[] Freqs { get; private set; } = new int[256];

    public List<long> BlockPosPointers { get; } = [];

    public List<byte> Block { get; } = [];

    public void Reset(int docFreq)
    {
        if (Docs.Length < docFreq)
        {
            Docs = new int[Math.Max(docFreq, Docs.Length * 2)];
            Freqs = new int[Docs.Length];
        }

        BlockPosPointers.Clear();
    }
}
