using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Reusable arrays for writing one term's postings, so flushing allocates per segment, not per
/// term. A term's positions are written to <c>.pos</c> a block at a time as they are decoded
/// (<see cref="AddPosition"/>), never gathered whole: in a merge at a million documents a common
/// word's positions run to tens of millions, and a list of them all was most of a merge's memory.
/// </summary>
internal sealed class PostingsScratch
{
    private readonly int[] _pendingPositions = new int[PostingsFormat.BlockSize];
    private int _pendingCount;
    private IndexOutput? _pos;
    private long _positionsStart;

    public int[] Docs { get; private set; } = new int[256];

    public int[] Freqs { get; private set; } = new int[256];

    /// <summary>Occurrences before each doc block (and before the tail), for the skip entries.</summary>
    public List<int> BlockPositionCounts { get; } = [];

    /// <summary>Each positions block's offset from the term's first, the tail's last.</summary>
    public List<long> PositionBlockPointers { get; } = [];

    /// <summary>The term's occurrences added so far.</summary>
    public int PositionCount { get; private set; }

    public List<byte> Block { get; } = [];

    public byte[] Encoded { get; } = new byte[PatchedBlock.MaxBytes];

    /// <summary>Starts a term of <paramref name="docFreq"/> docs; its positions, if any, go to <paramref name="pos"/> from its current end.</summary>
    public void Reset(int docFreq, IndexOutput? pos)
    {
        if (Docs.Length < docFreq)
        {
            Docs = new int[Math.Max(docFreq, Docs.Length * 2)];
            Freqs = new int[Docs.Length];
        }

        BlockPositionCounts.Clear();
        PositionBlockPointers.Clear();
        PositionCount = 0;
        _pendingCount = 0;
        _pos = pos;
        _positionsStart = pos?.Position ?? 0;
    }

    /// <summary>
    /// The term's next occurrence (its delta from the previous one in its doc): each full block of
    /// 128 is written as a patched block (<see cref="PatchedBlock"/>) and its offset recorded.
    /// </summary>
    public void AddPosition(int delta)
    {
        _pendingPositions[_pendingCount++] = delta;
        PositionCount++;
        if (_pendingCount == PostingsFormat.BlockSize)
        {
            PositionBlockPointers.Add(_pos!.Position - _positionsStart);
            var length = PatchedBlock.Encode(_pendingPositions, Encoded);
            _pos.WriteBytes(Encoded.AsSpan(0, length));
            _pendingCount = 0;
        }
    }

    /// <summary>Ends the term's positions: records where the tail starts and writes the remaining deltas as VInts.</summary>
    public void FinishPositions()
    {
        PositionBlockPointers.Add(_pos!.Position - _positionsStart);
        for (var i = 0; i < _pendingCount; i++)
        {
            _pos.WriteVInt(_pendingPositions[i]);
        }

        _pendingCount = 0;
    }
}
