using System.IO.Compression;
using System.Runtime.InteropServices;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Writes the chunks of one <c>.fdt</c> after its header: documents are gathered into chunks of
/// about <see cref="PostingsFormat.StoredChunkBytes"/> or <see cref="PostingsFormat.StoredChunkDocs"/>
/// documents and compressed, and a merge may hand over a source segment's compressed chunk whole
/// (<see cref="CopyChunk"/>): a chunk's bytes hold no doc numbers, only the chunk index does, so
/// they are valid anywhere. <see cref="Finish"/> writes the chunk index; the caller the footer.
/// </summary>
internal sealed class StoredFieldsWriter
{
    private readonly IndexOutput _output;
    private readonly List<(int FirstDoc, long Pointer)> _chunks = [];
    private readonly List<byte[]> _pending = [];
    private readonly List<byte> _heads = [];
    private readonly List<byte> _tails = [];
    private int _pendingBytes;
    private int _nextDoc;

    public StoredFieldsWriter(IndexOutput output) => _output = output;

    /// <summary>Chunks copied as they were (merges).</summary>
    public int CopiedChunks { get; private set; }

    /// <summary>Chunks compressed here.</summary>
    public int CompressedChunks { get; private set; }

    /// <summary>Adds the next document's stored-fields bytes (<see cref="StoredDocument"/>).</summary>
    public void Add(byte[] document)
    {
        _pending.Add(document);
        _pendingBytes += document.Length;
        _nextDoc++;
        if (_pendingBytes >= PostingsFormat.StoredChunkBytes || _pending.Count >= PostingsFormat.StoredChunkDocs)
        {
            FlushChunk();
        }
    }

    /// <summary>
    /// Appends a compressed chunk of <paramref name="docCount"/> documents as it is, after the
    /// documents added so far (closed into a chunk of their own first, however small).
    /// </summary>
    public void CopyChunk(ReadOnlySpan<byte> chunk, int docCount)
    {
        FlushChunk();
        _chunks.Add((_nextDoc, _output.Position));
        _output.WriteBytes(chunk);
        _nextDoc += docCount;
        CopiedChunks++;
    }

    /// <summary>Closes the last chunk and writes the chunk index: count (VInt), per chunk first doc (VInt) and pointer (VLong), then the index's start (int64).</summary>
    public void Finish()
    {
        FlushChunk();
        var indexStart = _output.Position;
        _output.WriteVInt(_chunks.Count);
        foreach (var (first, pointer) in _chunks)
        {
            _output.WriteVInt(first);
            _output.WriteVLong(pointer);
        }

        _output.WriteInt64(indexStart);
    }

    /// <summary>One chunk: doc count (VInt), each doc's head and tail lengths (VInt each), then the heads' and the tails' Brotli streams.</summary>
    private void FlushChunk()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _chunks.Add((_nextDoc - _pending.Count, _output.Position));
        _output.WriteVInt(_pending.Count);
        _heads.Clear();
        _tails.Clear();
        foreach (var d in _pending)
        {
            var head = _heads.Count;
            var tail = _tails.Count;
            StoredFieldsLayout.Split(d, _heads, _tails);
            _output.WriteVInt(_heads.Count - head);
            _output.WriteVInt(_tails.Count - tail);
        }

        WriteCompressed(_heads);
        WriteCompressed(_tails);
        _pending.Clear();
        _pendingBytes = 0;
        CompressedChunks++;
    }

    /// <summary>One Brotli stream of a chunk: its compressed length (VInt), then its bytes (nothing for no bytes).</summary>
    private void WriteCompressed(List<byte> bytes)
    {
        if (bytes.Count == 0)
        {
            _output.WriteVInt(0);
            return;
        }

        var raw = CollectionsMarshal.AsSpan(bytes);
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, compressed, out var written, PostingsFormat.StoredQuality, PostingsFormat.StoredWindow(raw.Length)))
        {
            throw new InvalidOperationException("Brotli compression of a stored-fields chunk failed");
        }

        _output.WriteVInt(written);
        _output.WriteBytes(compressed.AsSpan(0, written));
    }
}
