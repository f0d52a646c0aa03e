namespace SearchService.Core.Index.Writer;

/// <summary>Reusable arrays for writing one term's postings, so flushing allocates per segment, not per term.</summary>
internal sealed class PostingsScratch
{
    public int[] Docs { get; private set; } = new int[256];

    public int[] Freqs { get; private set; } = new int[256];

    /// <summary>Occurrences before each doc block (and before the tail), for the skip entries.</summary>
    public List<int> BlockPositionCounts { get; } = [];

    /// <summary>Each positions block's offset from the term's first, the tail's last.</summary>
    public List<long> PositionBlockPointers { get; } = [];

    /// <summary>The term's position deltas, decoded from the buffer.</summary>
    public List<int> Positions { get; } = [];

    public List<byte> Block { get; } = [];

    public byte[] Encoded { get; } = new byte[Codec.PatchedBlock.MaxBytes];

    public void Reset(int docFreq)
    {
        if (Docs.Length < docFreq)
        {
            Docs = new int[Math.Max(docFreq, Docs.Length * 2)];
            Freqs = new int[Docs.Length];
        }

        BlockPositionCounts.Clear();
        PositionBlockPointers.Clear();
        Positions.Clear();
    }
}
