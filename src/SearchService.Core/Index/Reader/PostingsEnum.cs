using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Reader;

/// <summary>
/// Walks one term's postings in a segment: <see cref="NextDoc"/> and <see cref="Advance"/> move
/// through the documents (Advance jumps whole blocks using the skip entries, without decoding
/// them), <see cref="Freq"/> is the term's frequency in the current document, and
/// <see cref="NextPosition"/> reads its positions only when asked (phrases): positions are packed
/// in blocks of 128 across documents, so the positions of documents passed over are skipped by
/// count, whole blocks without unpacking them. <see cref="BlockMaxFreq"/> and
/// <see cref="BlockMinNorm"/> give the current block's bounds for block-max WAND.
/// </summary>
public sealed class PostingsEnum
{
    /// <summary>Returned by NextDoc/Advance at the end.</summary>
    public const int NoMoreDocs = int.MaxValue;

    private readonly IndexInput _doc;
    private readonly IndexInput _pos;
    private readonly int _docFreq;
    private readonly int _fullBlocks;
    private readonly int[] _blockLastDoc;
    private readonly long[] _blockDocPointer;
    private readonly int[] _blockMaxFreq;
    private readonly byte[] _blockMinNorm;
    private readonly long[] _blockPosPointer;
    private readonly long[] _blockPositionCount;
    private readonly long _tailPointer;
    private readonly bool _hasPositions;
    private readonly long _totalFreq;
    private readonly long _fullPositionBlocks;
    private readonly int[] _docs = new int[PostingsFormat.BlockSize];
    private readonly int[] _freqs = new int[PostingsFormat.BlockSize];
    private readonly byte[] _packed = new byte[(PostingsFormat.BlockSize * 4) + 2];
    private int[]? _positions;
    private long _positionBlock = -1;
    private int _positionCount;
    private int _positionUpto;
    private int _block = -1;
    private int _inBlock = -1;
    private int _index = -1;
    private int _loaded;
    private long _pendingPositions;
    private int _positionsLeft;
    private int _position;

    internal PostingsEnum(IndexInput doc, IndexInput pos, TermInfo info)
    {
        _doc = doc;
        _pos = pos;
        _hasPositions = info.HasPositions;
        _docFreq = info.DocFreq;
        _totalFreq = info.TotalTermFreq;
        _fullPositionBlocks = info.TotalTermFreq / PostingsFormat.BlockSize;
        _fullBlocks = info.DocFreq / PostingsFormat.BlockSize;
        _blockLastDoc = new int[_fullBlocks];
        _blockDocPointer = new long[_fullBlocks];
        _blockMaxFreq = new int[_fullBlocks];
        _blockMinNorm = new byte[_fullBlocks];
        _blockPosPointer = _hasPositions ? new long[_fullBlocks + 1] : [];
        _blockPositionCount = _hasPositions ? new long[_fullBlocks + 1] : [];
        doc.Position = info.DocPointer;
        var last = -1;
        long posPointer = info.PosPointer;
        long positionCount = 0;
        var bytes = new int[_fullBlocks];
        for (var b = 0; b < _fullBlocks; b++)
        {
            last += doc.ReadVInt();
            _blockLastDoc[b] = last;
            bytes[b] = doc.ReadVInt();
            _blockMaxFreq[b] = doc.ReadVInt();
            _blockMinNorm[b] = doc.ReadByte();
            if (_hasPositions)
            {
                posPointer += doc.ReadVLong();
                positionCount += doc.ReadVLong();
                _blockPosPointer[b] = posPointer;
                _blockPositionCount[b] = positionCount;
            }
        }

        if (_hasPositions)
        {
            // A term of fewer than 128 docs has no tail entry: its tail starts at its first occurrence.
            _blockPosPointer[_fullBlocks] = _fullBlocks > 0 ? posPointer + doc.ReadVLong() : posPointer;
            _blockPositionCount[_fullBlocks] = _fullBlocks > 0 ? positionCount + doc.ReadVLong() : 0;
        }

        var pointer = doc.Position;
        for (var b = 0; b < _fullBlocks; b++)
        {
            _blockDocPointer[b] = pointer;
            pointer += bytes[b];
        }

        _tailPointer = pointer;
        _pos.Position = info.PosPointer;
    }

    /// <summary>Documents in these postings.</summary>
    public int DocFreq => _docFreq;

    /// <summary>The current document, -1 before the first call, <see cref="NoMoreDocs"/> at the end.</summary>
    public int DocId { get; private set; } = -1;

    /// <summary>The term's frequency in the current document.</summary>
    public int Freq => _freqs[_inBlock];

    /// <summary>Largest frequency in the current block (the tail's is not bounded: int.MaxValue).</summary>
    public int BlockMaxFreq => _block < _fullBlocks ? _blockMaxFreq[_block] : int.MaxValue;

    /// <summary>Smallest norm byte in the current block (0 for the tail).</summary>
    public byte BlockMinNorm => _block < _fullBlocks ? _blockMinNorm[_block] : (byte)0;

    /// <summary>Last document of the current block (for skipping whole blocks), or NoMoreDocs for the tail.</summary>
    public int BlockLastDoc => _block >= 0 && _block < _fullBlocks ? _blockLastDoc[_block] : NoMoreDocs;

    /// <summary>Moves to the next document.</summary>
    public int NextDoc()
    {
        if (_index + 1 >= _docFreq)
        {
            return DocId = NoMoreDocs;
        }

        _pendingPositions += _positionsLeft;
        _index++;
        _inBlock++;
        if (_inBlock >= _loaded)
        {
            LoadBlock(_block + 1);
        }

        _positionsLeft = _freqs[_inBlock];
        _position = 0;
        return DocId = _docs[_inBlock];
    }

    /// <summary>Moves to the first document at or after <paramref name="target"/>, jumping over whole blocks that end before it.</summary>
    public int Advance(int target)
    {
        if (DocId >= target)
        {
            return DocId;
        }

        var b = Math.Max(_block, 0);
        while (b < _fullBlocks && _blockLastDoc[b] < target)
        {
            b++;
        }

        if (b != _block)
        {
            LoadBlock(b);
            _index = (b * PostingsFormat.BlockSize) - 1;
            _inBlock = -1;
            _positionsLeft = 0;
            if (_hasPositions)
            {
                // The doc block's first occurrence: in the positions block that holds it, this far in.
                var count = _blockPositionCount[b];
                _pos.Position = _blockPosPointer[b];
                _positionBlock = (count / PostingsFormat.BlockSize) - 1;
                _positionCount = 0;
                _positionUpto = 0;
                _pendingPositions = count % PostingsFormat.BlockSize;
            }
        }

        int doc;
        do
        {
            doc = NextDoc();
        }
        while (doc < target);
        return doc;
    }

    /// <summary>Whether the term's positions are indexed (<see cref="NextPosition"/> may be called).</summary>
    public bool HasPositions => _hasPositions;

    /// <summary>Reads the next occurrence in the current document; false when there are no more.</summary>
    /// <exception cref="InvalidOperationException">The term has no positions (a keyword or numeric value).</exception>
    public bool NextPosition()
    {
        if (!_hasPositions)
        {
            throw new InvalidOperationException("this term's positions are not indexed (keyword and numeric values have none)");
        }

        if (_positionsLeft == 0)
        {
            return false;
        }

        if (_pendingPositions > 0)
        {
            SkipPositions(_pendingPositions);
            _pendingPositions = 0;
        }

        if (_positionUpto == _positionCount)
        {
            LoadPositionBlock();
        }

        _position += _positions![_positionUpto++];
        _positionsLeft--;
        return true;
    }

    /// <summary>Position of the occurrence read by <see cref="NextPosition"/>.</summary>
    public int Position => _position;

    /// <summary>Moves past <paramref name="count"/> occurrences: within the loaded block by count, whole blocks unread.</summary>
    private void SkipPositions(long count)
    {
        var left = _positionCount - _positionUpto;
        if (count <= left)
        {
            _positionUpto += (int)count;
            return;
        }

        count -= left;
        _positionUpto = _positionCount;
        while (count >= PostingsFormat.BlockSize && _positionBlock + 1 < _fullPositionBlocks)
        {
            PatchedBlock.Skip(_pos);
            _positionBlock++;
            count -= PostingsFormat.BlockSize;
        }

        LoadPositionBlock();
        if (count > _positionCount)
        {
            throw new CorruptIndexException(_pos.Name, $"positions end before the frequencies in {_doc.Name} say");
        }

        _positionUpto = (int)count;
    }

    /// <summary>Decodes the next positions block: a packed one, or the VInt tail after the last full block.</summary>
    private void LoadPositionBlock()
    {
        _positions ??= new int[PostingsFormat.BlockSize];
        _positionBlock++;
        _positionUpto = 0;
        if (_positionBlock < _fullPositionBlocks)
        {
            PatchedBlock.Decode(_pos, _positions, _packed);
            _positionCount = PostingsFormat.BlockSize;
            return;
        }

        if (_positionBlock > _fullPositionBlocks)
        {
            throw new CorruptIndexException(_pos.Name, $"positions end before the frequencies in {_doc.Name} say");
        }

        _positionCount = (int)(_totalFreq - (_fullPositionBlocks * PostingsFormat.BlockSize));
        for (var i = 0; i < _positionCount; i++)
        {
            _positions[i] = _pos.ReadVInt();
        }
    }

    private void LoadBlock(int block)
    {
        if (block > _fullBlocks)
        {
            block = _fullBlocks;
        }

        var previousLast = block == 0 ? -1 : _blockLastDoc[block - 1];
        _block = block;
        _inBlock = 0;
        if (block < _fullBlocks)
        {
            _doc.Position = _blockDocPointer[block];
            PatchedBlock.Decode(_doc, _docs, _packed);
            PatchedBlock.Decode(_doc, _freqs, _packed);
            var doc = previousLast;
            for (var i = 0; i < PostingsFormat.BlockSize; i++)
            {
                doc += _docs[i];
                _docs[i] = doc;
                _freqs[i]++;
            }

            _loaded = PostingsFormat.BlockSize;
        }
        else
        {
            _doc.Position = _tailPointer;
            var count = _docFreq - (_fullBlocks * PostingsFormat.BlockSize);
            var doc = previousLast;
            for (var i = 0; i < count; i++)
            {
                var code = _doc.ReadVInt();
                doc += (int)((uint)code >> 1);
                _docs[i] = doc;
                _freqs[i] = (code & 1) != 0 ? 1 : _doc.ReadVInt();
            }

            _loaded = count;
        }
    }
}
