using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using ZstdSharp;

namespace SearchService.Core.Index.Reader;

/// <summary>
/// Read access to one immutable segment: terms and postings, norms, stored fields, doc values
/// and which documents are deleted. Files are read through positional reads, never loaded
/// whole; only the term block index, the stored-fields chunk index, norms (a byte a document a
/// text field) and, on first use, doc-value columns are held in memory.
/// </summary>
public sealed class SegmentReader
{
    private readonly IndexInput _doc;
    private readonly IndexInput _pos;
    private readonly IndexInput _fdt;
    private readonly IndexInput _dvd;
    private readonly IndexDirectory _directory;
    private readonly (int FirstDoc, long Pointer, int Dictionary)[] _chunks;

    // The stored-fields dictionaries the chunks' tails were compressed over (chunk dictionary n is [n - 1]),
    // and each digested for decoding on first use, shared by every thread.
    private readonly byte[][] _dictionaries;
    private readonly StoredDictionary?[] _digests;

    // Where the chunk index starts: the end of the last chunk.
    private readonly long _chunksEnd;

    // Tells this reader's chunks apart from another reader's in a thread's StoredScratch.
    private static long s_nextReaderId;
    private readonly long _readerId = Interlocked.Increment(ref s_nextReaderId);

    // Where a thread decodes the chunks it reads documents from, reused from one document to the
    // next (fresh buffers for each hit churned the heap), with its zstd decoder: it keeps the last
    // chunk's small values it decoded, so neighbouring hits of a page share them.
    [ThreadStatic]
    private static StoredScratch? t_stored;
    private readonly byte[]?[] _norms;
    private readonly object _docValuesLock = new();
    private long[]?[]? _numerics;
    private int _references = 1;
    private (string[] Values, int[] Starts, int[] Ords)?[]? _keywords;

    /// <summary>
    /// Opens segment <paramref name="info"/> with the deletes of <paramref name="deletesGeneration"/>
    /// (0 for none); with <paramref name="mapped"/>, its files are read through memory mappings,
    /// as a snapshot's searches read them (see <see cref="IndexDirectory.OpenInput"/>).
    /// </summary>
    public SegmentReader(IndexDirectory directory, SegmentInfo info, long deletesGeneration, bool mapped = false)
    {
        _directory = directory;
        Info = info;
        DeletesGeneration = deletesGeneration;
        var fields = info.Fields;
        Terms = new TermDictionaryReader(directory.OpenInput(IndexFileNames.SegmentFile(info.Name, "tim"), mapped), fields.Count);
        _doc = directory.OpenInput(IndexFileNames.SegmentFile(info.Name, "doc"), mapped);
        _pos = directory.OpenInput(IndexFileNames.SegmentFile(info.Name, "pos"), mapped);
        CodecFile.ReadHeader(_doc, "Postings", PostingsFormat.DocsVersion, PostingsFormat.DocsVersion);
        CodecFile.CheckFooter(_doc);
        CodecFile.ReadHeader(_pos, "Positions", PostingsFormat.PositionsVersion, PostingsFormat.PositionsVersion);
        CodecFile.CheckFooter(_pos);

        using var nrmFile = new InputOwner(directory.OpenInput(IndexFileNames.SegmentFile(info.Name, "nrm")));
        var nrm = nrmFile.Input;
        CodecFile.VerifyChecksum(nrm);
        CodecFile.ReadHeader(nrm, "Norms", 1, 1);
        _norms = new byte[]?[fields.Count];
        for (var f = 0; f < fields.Count; f++)
        {
            if (fields[f].Kind == FieldKind.Text)
            {
                _norms[f] = new byte[info.DocCount];
                nrm.ReadBytes(_norms[f]);
            }
        }

        _fdt = directory.OpenInput(IndexFileNames.SegmentFile(info.Name, "fdt"), mapped);
        CodecFile.ReadHeader(_fdt, "StoredFields", PostingsFormat.StoredFieldsVersion, PostingsFormat.StoredFieldsVersion);
        CodecFile.CheckFooter(_fdt);
        var index = _fdt.Clone();
        index.Position = _fdt.Length - CodecFile.FooterLength - 8;
        _chunksEnd = index.ReadInt64();
        index.Position = _chunksEnd;
        _chunks = new (int, long, int)[index.ReadVInt()];
        for (var i = 0; i < _chunks.Length; i++)
        {
            _chunks[i] = (index.ReadVInt(), index.ReadVLong(), index.ReadVInt());
        }

        _dictionaries = ReadDictionaries(index);
        _digests = new StoredDictionary?[_dictionaries.Length];
        foreach (var chunk in _chunks)
        {
            if ((uint)chunk.Dictionary > (uint)_dictionaries.Length)
            {
                throw new CorruptIndexException(_fdt.Name, $"stored-fields chunk at {chunk.Pointer} names dictionary {chunk.Dictionary} of {_dictionaries.Length}");
            }
        }

        // Opened now, read on first use: a file opened later might already be gone after a newer commit's clean-up.
        _dvd = directory.OpenInput(IndexFileNames.SegmentFile(info.Name, "dvd"), mapped);
        CodecFile.CheckFooter(_dvd);
        LiveDocs = deletesGeneration > 0 ? LiveDocs.Read(directory, info.Name, deletesGeneration, info.DocCount) : null;
    }

    /// <summary>
    /// Adds a reference: a snapshot or the writer sharing this reader. Files are closed when the
    /// last reference is released, so a reader shared by an old and a new snapshot stays open
    /// until both are done with it.
    /// </summary>
    internal void IncRef()
    {
        if (Interlocked.Increment(ref _references) <= 1)
        {
            Interlocked.Decrement(ref _references);
            throw new ObjectDisposedException(nameof(SegmentReader), $"segment {Info.Name} was already closed");
        }
    }

    /// <summary>Releases a reference; the last one closes the segment's files.</summary>
    internal void DecRef()
    {
        var left = Interlocked.Decrement(ref _references);
        if (left == 0)
        {
            Terms.Close();
            _doc.CloseFile();
            _pos.CloseFile();
            _fdt.CloseFile();
            _dvd.CloseFile();
            foreach (var digest in _digests)
            {
                digest?.Dispose();
            }
        }
        else if (left < 0)
        {
            throw new InvalidOperationException($"segment {Info.Name} was released more often than it was referenced");
        }
    }

    /// <summary>The segment's name, size and fields.</summary>
    public SegmentInfo Info { get; }

    /// <summary>Which deletes file is applied (0 for none).</summary>
    public long DeletesGeneration { get; }

    /// <summary>The term dictionary.</summary>
    public TermDictionaryReader Terms { get; }

    /// <summary>Deleted documents, or null when none are.</summary>
    public LiveDocs? LiveDocs { get; }

    /// <summary>Documents in the segment, deleted ones included.</summary>
    public int MaxDoc => Info.DocCount;

    /// <summary>Documents not deleted.</summary>
    public int LiveCount => MaxDoc - (LiveDocs?.DeletedCount ?? 0);

    /// <summary>True when <paramref name="doc"/> is deleted.</summary>
    public bool IsDeleted(int doc) => LiveDocs?.IsDeleted(doc) ?? false;

    /// <summary>The number of <paramref name="field"/> in this segment, or -1.</summary>
    public int FieldNumber(string field)
    {
        for (var i = 0; i < Info.Fields.Count; i++)
        {
            if (Info.Fields[i].Name == field)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The postings of <paramref name="term"/> in <paramref name="field"/>, or null when absent.</summary>
    public PostingsEnum? Postings(string field, ReadOnlySpan<char> term)
    {
        var f = FieldNumber(field);
        return f >= 0 && Terms.TryGet(f, term, out var info) ? Postings(info) : null;
    }

    /// <summary>The postings behind a term dictionary entry.</summary>
    public PostingsEnum Postings(TermInfo info) => new(_doc.Clone(), _pos.Clone(), info);

    /// <summary>The norm byte of <paramref name="doc"/> in text field <paramref name="field"/> (0 for other fields).</summary>
    public byte Norm(int field, int doc) => _norms[field]?[doc] ?? 0;

    /// <summary>The stored values of <paramref name="doc"/> as (field name, value) pairs.</summary>
    public List<(string Field, object Value)> Document(int doc) => Document(doc, null);

    /// <summary>
    /// The stored values of <paramref name="doc"/> that a reader of the fields
    /// <paramref name="wanted"/> says yes to needs: every small value, and the large ones (bodies,
    /// see <see cref="StoredFieldsLayout"/>) of wanted fields only, decompressed only when there is
    /// one, so a hit's id and title cost no body decompression. Null wants everything.
    /// <paramref name="wanted"/> must not read documents itself (the thread's chunk buffers are in use).
    /// </summary>
    public List<(string Field, object Value)> Document(int doc, Func<string, bool>? wanted)
    {
        if ((uint)doc >= (uint)MaxDoc)
        {
            throw new ArgumentOutOfRangeException(nameof(doc), $"document {doc} is outside segment {Info.Name} (0-{MaxDoc - 1})");
        }

        var lo = 0;
        var hi = _chunks.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_chunks[mid].FirstDoc <= doc)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var k = doc - _chunks[lo].FirstDoc;
        var scratch = t_stored ??= new StoredScratch();
        if (scratch.Reader != _readerId || scratch.Chunk != lo)
        {
            DecodeHeads(scratch, lo);
        }

        if (k >= scratch.Count)
        {
            throw new CorruptIndexException(_fdt.Name, $"stored-fields chunk at {_chunks[lo].Pointer} holds {scratch.Count} documents, not the {k + 1} its index implies");
        }

        var head = scratch.Heads.AsSpan(scratch.HeadStarts[k], scratch.HeadStarts[k + 1] - scratch.HeadStarts[k]);
        var withTail = scratch.TailLengths[k] > 0
            && (wanted is null || StoredFieldsLayout.TailHolds(head, f => wanted(Info.Fields[f].Name)));
        var tail = withTail ? DecodeTail(scratch, lo, k) : [];
        var values = StoredFieldsLayout.Read(head, tail, withTail, wanted is null ? null : f => wanted(Info.Fields[f].Name));
        return values.ConvertAll(v => (Info.Fields[v.Field].Name, v.Value));
    }

    /// <summary>Every document's stored-fields bytes in doc order, deleted ones included, a chunk decompressed once (<c>check</c>).</summary>
    internal IEnumerable<byte[]> RawDocuments()
    {
        for (var c = 0; c < _chunks.Length; c++)
        {
            foreach (var document in StoredChunkDocuments(c))
            {
                yield return document;
            }
        }
    }

    /// <summary>Stored-fields chunks in the <c>.fdt</c>.</summary>
    internal int StoredChunkCount => _chunks.Length;

    /// <summary>The first document of stored-fields chunk <paramref name="chunk"/> and how many it holds (from the chunk index).</summary>
    internal (int FirstDoc, int DocCount) StoredChunkDocs(int chunk) =>
        (_chunks[chunk].FirstDoc, (chunk + 1 < _chunks.Length ? _chunks[chunk + 1].FirstDoc : MaxDoc) - _chunks[chunk].FirstDoc);

    /// <summary>
    /// Whether chunk <paramref name="chunk"/> was closed full (<see cref="PostingsFormat.StoredChunkDocs"/>
    /// documents or <see cref="PostingsFormat.StoredChunkBytes"/> uncompressed bytes), as every chunk
    /// but a segment's last is when written from documents; read from the chunk's lengths, nothing decompressed.
    /// </summary>
    internal bool IsFullStoredChunk(int chunk)
    {
        var input = _fdt.Clone();
        input.Position = _chunks[chunk].Pointer;
        var count = input.ReadVInt();
        if (count != StoredChunkDocs(chunk).DocCount)
        {
            throw new CorruptIndexException(_fdt.Name, $"stored-fields chunk at {_chunks[chunk].Pointer} holds {count} documents, not the {StoredChunkDocs(chunk).DocCount} its index implies");
        }

        if (count >= PostingsFormat.StoredChunkDocs)
        {
            return true;
        }

        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            bytes += input.ReadVInt() + input.ReadVInt();
            _ = input.ReadVInt();
        }

        return bytes >= PostingsFormat.StoredChunkBytes;
    }

    /// <summary>The bytes of stored-fields chunk <paramref name="chunk"/> as they are in the file (a merge copies them).</summary>
    internal byte[] StoredChunkBytes(int chunk)
    {
        var end = chunk + 1 < _chunks.Length ? _chunks[chunk + 1].Pointer : _chunksEnd;
        var bytes = new byte[end - _chunks[chunk].Pointer];
        var input = _fdt.Clone();
        input.Position = _chunks[chunk].Pointer;
        input.ReadBytes(bytes);
        return bytes;
    }

    /// <summary>The dictionary chunk <paramref name="chunk"/>'s tails were compressed over (null for none; one array per dictionary, so a merge keeps it once).</summary>
    internal byte[]? StoredChunkDictionary(int chunk) => _chunks[chunk].Dictionary == 0 ? null : _dictionaries[_chunks[chunk].Dictionary - 1];

    /// <summary>The stored-fields bytes of chunk <paramref name="chunk"/>'s documents in doc order, deleted ones included.</summary>
    internal IEnumerable<byte[]> StoredChunkDocuments(int chunk)
    {
        // Buffers of its own, not the thread's: the caller may read other documents between two yields.
        var decoded = new StoredScratch();
        try
        {
            DecodeHeads(decoded, chunk);
            for (var k = 0; k < decoded.Count; k++)
            {
                var tail = decoded.TailLengths[k] > 0 ? DecodeTail(decoded, chunk, k).ToArray() : [];
                yield return StoredFieldsLayout.Join(decoded.Heads.AsSpan(decoded.HeadStarts[k], decoded.HeadStarts[k + 1] - decoded.HeadStarts[k]), tail);
            }
        }
        finally
        {
            decoded.Decoder?.Dispose();
        }
    }

    /// <summary>Verifies the <c>.fdt</c>'s checksum, as a merge does before copying its chunks unread.</summary>
    internal void VerifyStoredFieldsChecksum() => CodecFile.VerifyChecksum(_fdt);

    /// <summary>The dictionaries after the chunk index: count (VInt), each its length (VInt), compressed length (VInt) and zstd frame.</summary>
    private byte[][] ReadDictionaries(IndexInput index)
    {
        var dictionaries = new byte[index.ReadVInt()][];
        if (dictionaries.Length == 0)
        {
            return dictionaries;
        }

        using var decompressor = new Decompressor();
        for (var i = 0; i < dictionaries.Length; i++)
        {
            var length = index.ReadVInt();
            var compressed = new byte[index.ReadVInt()];
            index.ReadBytes(compressed);
            dictionaries[i] = new byte[length];
            if (!TryUnwrap(decompressor, compressed, dictionaries[i]))
            {
                throw new CorruptIndexException(_fdt.Name, $"stored-fields dictionary {i + 1} does not decompress");
            }
        }

        return dictionaries;
    }

    /// <summary>
    /// Decompresses chunk <paramref name="chunk"/>'s small values (its heads, a few KiB) into
    /// <paramref name="scratch"/>'s buffers (grown when a chunk needs more, never shrunk) and notes
    /// where each document's tail frame is; a hit's id and title need nothing more. The scratch
    /// then holds chunk <paramref name="chunk"/> of this reader.
    /// </summary>
    private void DecodeHeads(StoredScratch scratch, int chunk)
    {
        var input = _fdt.Clone();
        input.Position = _chunks[chunk].Pointer;
        var count = input.ReadVInt();

        // Marked empty first: a chunk that fails to decode leaves nothing another read could take for it.
        scratch.Reader = 0;
        scratch.TailDoc = -1;
        scratch.FrameStarts[0] = 0;
        if (scratch.HeadStarts.Length < count + 1)
        {
            scratch.HeadStarts = new int[count + 1];
            scratch.TailLengths = new int[count];
            scratch.FrameStarts = new long[count + 1];
        }

        for (var i = 0; i < count; i++)
        {
            scratch.HeadStarts[i + 1] = scratch.HeadStarts[i] + input.ReadVInt();
            scratch.TailLengths[i] = input.ReadVInt();
            scratch.FrameStarts[i + 1] = scratch.FrameStarts[i] + input.ReadVInt();
        }

        var length = scratch.HeadStarts[count];
        var compressed = ReadFrame(scratch, input, input.ReadVInt());
        if (scratch.Heads.Length < length)
        {
            scratch.Heads = GC.AllocateUninitializedArray<byte>(Math.Max(length, scratch.Heads.Length * 2));
        }

        if (length == 0 ? !compressed.IsEmpty : !Decode(scratch, chunk, compressed, scratch.Heads.AsSpan(0, length)))
        {
            throw new CorruptIndexException(_fdt.Name, $"stored-fields chunk at {_chunks[chunk].Pointer} does not decompress");
        }

        // Frame starts become file pointers: the frames follow the heads.
        var framesStart = input.Position;
        for (var i = 0; i <= count; i++)
        {
            scratch.FrameStarts[i] += framesStart;
        }

        scratch.Count = count;
        scratch.Chunk = chunk;
        scratch.Reader = _readerId;
    }

    /// <summary>
    /// Decompresses document <paramref name="k"/>'s tail of the chunk <paramref name="scratch"/>
    /// holds (its own zstd frame, over the chunk's dictionary) and returns it.
    /// </summary>
    private ReadOnlySpan<byte> DecodeTail(StoredScratch scratch, int chunk, int k)
    {
        var length = scratch.TailLengths[k];
        if (scratch.TailDoc == k)
        {
            return scratch.Tail.AsSpan(0, length);
        }

        scratch.TailDoc = -1;
        if (scratch.Tail.Length < length)
        {
            scratch.Tail = GC.AllocateUninitializedArray<byte>(Math.Max(length, scratch.Tail.Length * 2));
        }

        var input = _fdt.Clone();
        input.Position = scratch.FrameStarts[k];
        var compressed = ReadFrame(scratch, input, (int)(scratch.FrameStarts[k + 1] - scratch.FrameStarts[k]));
        if (!Decode(scratch, chunk, compressed, scratch.Tail.AsSpan(0, length)))
        {
            throw new CorruptIndexException(_fdt.Name, $"stored-fields chunk at {_chunks[chunk].Pointer}: document {k}'s large values do not decompress");
        }

        scratch.TailDoc = k;
        return scratch.Tail.AsSpan(0, length);
    }

    /// <summary>Reads the next <paramref name="length"/> bytes of <paramref name="input"/> (a frame) into the scratch's buffer.</summary>
    private static ReadOnlySpan<byte> ReadFrame(StoredScratch scratch, IndexInput input, int length)
    {
        if (scratch.Compressed.Length < length)
        {
            scratch.Compressed = GC.AllocateUninitializedArray<byte>(Math.Max(length, scratch.Compressed.Length * 2));
        }

        var frame = scratch.Compressed.AsSpan(0, length);
        input.ReadBytes(frame);
        return frame;
    }

    /// <summary>Decodes a frame of chunk <paramref name="chunk"/> with the scratch's decoder over the chunk's dictionary into exactly <paramref name="output"/>; false when it does not.</summary>
    private bool Decode(StoredScratch scratch, int chunk, ReadOnlySpan<byte> compressed, Span<byte> output) =>
        (scratch.Decoder ??= new StoredDecoder()).TryDecode(Digest(_chunks[chunk].Dictionary), compressed, output);

    /// <summary>Chunk dictionary <paramref name="dictionary"/> digested for decoding (null for 0, none), made on first use.</summary>
    private StoredDictionary? Digest(int dictionary)
    {
        if (dictionary == 0)
        {
            return null;
        }

        if (Volatile.Read(ref _digests[dictionary - 1]) is { } known)
        {
            return known;
        }

        var made = new StoredDictionary(_dictionaries[dictionary - 1]);
        var first = Interlocked.CompareExchange(ref _digests[dictionary - 1], made, null);
        if (first is not null)
        {
            made.Dispose();
            return first;
        }

        return made;
    }

    /// <summary>Decodes one zstd frame into exactly <paramref name="output"/>; false when it is damaged or of another length.</summary>
    private static bool TryUnwrap(Decompressor decompressor, ReadOnlySpan<byte> compressed, Span<byte> output)
    {
        try
        {
            return decompressor.TryUnwrap(compressed, output, out var written) && written == output.Length;
        }
        catch (ZstdException)
        {
            return false;
        }
    }

    /// <summary>A thread's buffers for the stored-fields chunk it read a document from last (which reader's, which chunk, its documents' small values, one tail) and its zstd decoding context.</summary>
    private sealed class StoredScratch
    {
        public long Reader;
        public int Chunk;
        public int Count;
        public int TailDoc = -1;
        public int[] HeadStarts = new int[PostingsFormat.StoredChunkDocs + 1];
        public int[] TailLengths = new int[PostingsFormat.StoredChunkDocs];
        public long[] FrameStarts = new long[PostingsFormat.StoredChunkDocs + 1];
        public byte[] Heads = [];
        public byte[] Tail = [];
        public byte[] Compressed = [];
        public StoredDecoder? Decoder;
    }

    /// <summary>The numeric column value of <paramref name="doc"/>, or null when it has none.</summary>
    public long? NumericValue(string field, int doc)
    {
        var f = FieldNumber(field);
        LoadDocValues();
        var column = f >= 0 ? _numerics![f] : null;
        return column is null || column[doc] == long.MinValue ? null : column[doc];
    }

    /// <summary>The keyword column values of <paramref name="doc"/>, in order.</summary>
    public IReadOnlyList<string> KeywordValues(string field, int doc)
    {
        var f = FieldNumber(field);
        LoadDocValues();
        if (f < 0 || _keywords![f] is not { } column)
        {
            return [];
        }

        var result = new string[column.Starts[doc + 1] - column.Starts[doc]];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = column.Values[column.Ords[column.Starts[doc] + i]];
        }

        return result;
    }

    /// <summary>
    /// The sorted-set column of keyword field <paramref name="field"/> (values and per-document ordinals),
    /// or null when the field is not a keyword field of this segment; for facets, filters and suggestions,
    /// which work on ordinals instead of the strings <see cref="KeywordValues"/> allocates.
    /// </summary>
    public KeywordColumn? KeywordColumn(string field)
    {
        var f = FieldNumber(field);
        LoadDocValues();
        return f >= 0 && _keywords![f] is { } column ? new KeywordColumn(column.Values, column.Starts, column.Ords) : null;
    }

    /// <summary>
    /// The numeric column of <paramref name="field"/>, a value a document with <see cref="long.MinValue"/> for
    /// none, or empty when the field is not numeric in this segment; lets a per-document loop skip the field
    /// lookup <see cref="NumericValue"/> does on every call.
    /// </summary>
    public ReadOnlySpan<long> NumericColumn(string field)
    {
        var f = FieldNumber(field);
        LoadDocValues();
        return f >= 0 && _numerics![f] is { } column ? column : [];
    }

    /// <summary>Verifies every file's checksum (what <c>check</c> does; opening checks only structure).</summary>
    public void VerifyChecksums()
    {
        foreach (var extension in IndexFileNames.SegmentExtensions)
        {
            using var owner = new InputOwner(_directory.OpenInput(IndexFileNames.SegmentFile(Info.Name, extension)));
            CodecFile.VerifyChecksum(owner.Input);
        }
    }

    private void LoadDocValues()
    {
        if (_numerics is not null)
        {
            return;
        }

        lock (_docValuesLock)
        {
            if (_numerics is not null)
            {
                return;
            }

            var input = _dvd.Clone();
            input.Position = 0;
            CodecFile.ReadHeader(input, "DocValues", 1, 1);
            var fields = Info.Fields.Count;
            var numerics = new long[]?[fields];
            var keywords = new (string[], int[], int[])?[fields];
            for (var f = 0; f < fields; f++)
            {
                var kind = input.ReadByte();
                if (kind == 1)
                {
                    var column = new long[MaxDoc];
                    for (var d = 0; d < MaxDoc; d++)
                    {
                        column[d] = input.ReadZLong();
                    }

                    numerics[f] = column;
                }
                else if (kind == 2)
                {
                    var values = new string[input.ReadVInt()];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = input.ReadString();
                    }

                    var starts = new int[MaxDoc + 1];
                    var ords = new List<int>(MaxDoc);
                    for (var d = 0; d < MaxDoc; d++)
                    {
                        starts[d] = ords.Count;
                        var count = input.ReadVInt();
                        var ord = 0;
                        for (var i = 0; i < count; i++)
                        {
                            ord += input.ReadVInt();
                            if ((uint)ord >= (uint)values.Length)
                            {
                                throw new CorruptIndexException(input.Name, $"ordinal {ord} out of range for field {Info.Fields[f].Name}");
                            }

                            ords.Add(ord);
                        }
                    }

                    starts[MaxDoc] = ords.Count;
                    keywords[f] = (values, starts, ords.ToArray());
                }
                else if (kind != 0)
                {
                    throw new CorruptIndexException(input.Name, $"unknown doc-values kind {kind}");
                }
            }

            _keywords = keywords;
            _numerics = numerics;
        }
    }
}
