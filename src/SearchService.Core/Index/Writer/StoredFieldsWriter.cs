using System.Runtime.InteropServices;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Store;
using ZstdSharp;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Writes the chunks of one <c>.fdt</c> after its header: documents are gathered into chunks of
/// about <see cref="PostingsFormat.StoredChunkBytes"/> or <see cref="PostingsFormat.StoredChunkDocs"/>
/// documents and compressed, and a merge may hand over a source segment's compressed chunk whole
/// (<see cref="CopyChunk"/>) with the dictionary its tails were compressed over: a chunk's bytes
/// hold no doc numbers and no dictionary number, only the chunk index does, so they are valid
/// anywhere. The segment's own dictionary is the first <see cref="PostingsFormat.StoredDictionaryBytes"/>
/// of its documents' tails, so the first chunks wait until that many bytes have come (or the
/// segment ends). <see cref="Finish"/> writes the chunk index and the dictionaries; the caller the footer.
/// </summary>
internal sealed class StoredFieldsWriter
{
    private readonly IndexOutput _output;
    private readonly List<(int FirstDoc, long Pointer, int Dictionary)> _chunks = [];
    private readonly List<byte[]> _pending = [];
    private readonly List<List<byte[]>> _held = [];
    private readonly List<byte> _heads = [];
    private readonly List<byte> _tails = [];
    private readonly List<int> _tailStarts = [];
    private readonly List<byte[]> _dictionaries = [];
    private readonly Dictionary<byte[], int> _dictionaryNumbers = new(ReferenceEqualityComparer.Instance);

    // The same numbers by content, asked once per new array: the chunks a merge copies from the
    // segments of one writer session (each reader holds its own copy) share the session's dictionary.
    private readonly Dictionary<byte[], int> _dictionariesByContent = new(DictionaryContent.Instance);
    private byte[] _frame = [];
    private int _pendingBytes;
    private int _heldBytes;
    private int _nextChunkDoc;

    // The number (1-based, 0 for none) of the dictionary this writer compresses tails over; -1
    // while the first documents are held to make it from.
    private int _own = -1;
    private Compressor? _compressor;

    /// <summary>
    /// A writer to <paramref name="output"/> that compresses over <paramref name="dictionary"/>
    /// (the writer session's, so that every segment of a session and their merges share one), or,
    /// when null, over a dictionary made from its own first documents.
    /// </summary>
    public StoredFieldsWriter(IndexOutput output, byte[]? dictionary = null)
    {
        _output = output;
        if (dictionary is not null)
        {
            _dictionaries.Add(dictionary);
            _own = 1;
            _dictionaryNumbers.Add(dictionary, _own);
            _dictionariesByContent.Add(dictionary, _own);
            _compressor = new Compressor(PostingsFormat.StoredTailLevel);
            _compressor.LoadDictionary(dictionary);
        }
    }

    /// <summary>The dictionary new chunks were compressed over (null: none, or none chosen yet).</summary>
    public byte[]? Dictionary => _own > 0 ? _dictionaries[_own - 1] : null;

    /// <summary>Chunks copied as they were (merges).</summary>
    public int CopiedChunks { get; private set; }

    /// <summary>Chunks compressed here.</summary>
    public int CompressedChunks { get; private set; }

    /// <summary>Adds the next document's stored-fields bytes (<see cref="StoredDocument"/>).</summary>
    public void Add(byte[] document)
    {
        _pending.Add(document);
        _pendingBytes += document.Length;
        if (_pendingBytes >= PostingsFormat.StoredChunkBytes || _pending.Count >= PostingsFormat.StoredChunkDocs)
        {
            CloseChunk();
        }
    }

    /// <summary>
    /// Appends a compressed chunk of <paramref name="docCount"/> documents as it is, its tails
    /// compressed over <paramref name="dictionary"/> (null for none; the same array for every
    /// chunk of one source, kept once), after the documents added so far (closed into a chunk of
    /// their own first, however small).
    /// </summary>
    public void CopyChunk(ReadOnlySpan<byte> chunk, int docCount, byte[]? dictionary)
    {
        CloseChunk();
        ChooseDictionary();
        var number = 0;
        if (dictionary is not null && !_dictionaryNumbers.TryGetValue(dictionary, out number))
        {
            if (!_dictionariesByContent.TryGetValue(dictionary, out number))
            {
                _dictionaries.Add(dictionary);
                number = _dictionaries.Count;
                _dictionariesByContent.Add(dictionary, number);
            }

            _dictionaryNumbers.Add(dictionary, number);
        }

        _chunks.Add((_nextChunkDoc, _output.Position, number));
        _output.WriteBytes(chunk);
        _nextChunkDoc += docCount;
        CopiedChunks++;
    }

    /// <summary>
    /// Closes the last chunk and writes the chunk index — count (VInt), per chunk first doc (VInt),
    /// pointer (VLong) and dictionary (VInt, 0 for none) — then the dictionaries — count (VInt),
    /// each its length (VInt), compressed length (VInt) and zstd frame — then the index's start (int64).
    /// </summary>
    public void Finish()
    {
        CloseChunk();
        ChooseDictionary();
        var indexStart = _output.Position;
        _output.WriteVInt(_chunks.Count);
        foreach (var (first, pointer, dictionary) in _chunks)
        {
            _output.WriteVInt(first);
            _output.WriteVLong(pointer);
            _output.WriteVInt(dictionary);
        }

        _output.WriteVInt(_dictionaries.Count);
        using var compressor = new Compressor(PostingsFormat.StoredDictionaryLevel);
        foreach (var dictionary in _dictionaries)
        {
            var compressed = compressor.Wrap(dictionary);
            _output.WriteVInt(dictionary.Length);
            _output.WriteVInt(compressed.Length);
            _output.WriteBytes(compressed);
        }

        _output.WriteInt64(indexStart);
        _compressor?.Dispose();
        _compressor = null;
    }

    /// <summary>Closes the pending documents into a chunk: written, or held while the dictionary is still to be made.</summary>
    private void CloseChunk()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var documents = new List<byte[]>(_pending);
        _pending.Clear();
        _pendingBytes = 0;
        if (_own >= 0)
        {
            WriteChunk(documents);
            return;
        }

        _held.Add(documents);
        _heldBytes += documents.Sum(d => d.Length);
        if (_heldBytes >= PostingsFormat.StoredDictionaryBytes)
        {
            ChooseDictionary();
        }
    }

    /// <summary>
    /// Makes this writer's dictionary from the held documents' tails (none when they are fewer
    /// than <see cref="PostingsFormat.StoredMinDictionaryBytes"/>) and writes the held chunks.
    /// </summary>
    private void ChooseDictionary()
    {
        if (_own >= 0)
        {
            return;
        }

        _tails.Clear();
        _heads.Clear();
        foreach (var document in _held.SelectMany(c => c))
        {
            StoredFieldsLayout.Split(document, _heads, _tails);
            if (_tails.Count >= PostingsFormat.StoredDictionaryBytes)
            {
                break;
            }
        }

        _own = 0;
        _compressor = new Compressor(PostingsFormat.StoredTailLevel);
        if (_tails.Count >= PostingsFormat.StoredMinDictionaryBytes)
        {
            var dictionary = CollectionsMarshal.AsSpan(_tails)[..Math.Min(_tails.Count, PostingsFormat.StoredDictionaryBytes)].ToArray();
            _dictionaries.Add(dictionary);
            _own = _dictionaries.Count;
            _dictionaryNumbers.Add(dictionary, _own);
            _dictionariesByContent.TryAdd(dictionary, _own);
            _compressor.LoadDictionary(dictionary);
        }

        foreach (var chunk in _held)
        {
            WriteChunk(chunk);
        }

        _held.Clear();
        _heldBytes = 0;
    }

    /// <summary>
    /// One chunk: doc count (VInt); each doc's head length, tail length and compressed tail
    /// length (VInt each); every doc's head in one zstd frame (its compressed length, VInt, 0 for
    /// no bytes); then each doc's tail as a frame of its own, all over the writer's dictionary.
    /// </summary>
    private void WriteChunk(List<byte[]> documents)
    {
        _chunks.Add((_nextChunkDoc, _output.Position, _own));
        _nextChunkDoc += documents.Count;
        _heads.Clear();
        _tails.Clear();
        _tailStarts.Clear();
        var headStarts = new int[documents.Count + 1];
        foreach (var (d, i) in documents.Select((d, i) => (d, i)))
        {
            _tailStarts.Add(_tails.Count);
            StoredFieldsLayout.Split(d, _heads, _tails);
            headStarts[i + 1] = _heads.Count;
        }

        _tailStarts.Add(_tails.Count);
        var tails = CollectionsMarshal.AsSpan(_tails);
        var frames = new List<byte>();
        var frameLengths = new int[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            var tail = tails[_tailStarts[i].._tailStarts[i + 1]];
            if (tail.IsEmpty)
            {
                continue;
            }

            frameLengths[i] = Compress(tail);
            frames.AddRange(_frame.AsSpan(0, frameLengths[i]));
        }

        _output.WriteVInt(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            _output.WriteVInt(headStarts[i + 1] - headStarts[i]);
            _output.WriteVInt(_tailStarts[i + 1] - _tailStarts[i]);
            _output.WriteVInt(frameLengths[i]);
        }

        var heads = _heads.Count == 0 ? 0 : Compress(CollectionsMarshal.AsSpan(_heads));
        _output.WriteVInt(heads);
        _output.WriteBytes(_frame.AsSpan(0, heads));
        _output.WriteBytes(CollectionsMarshal.AsSpan(frames));
        CompressedChunks++;
    }

    /// <summary>Compresses <paramref name="bytes"/> into one zstd frame over the writer's dictionary, in the frame buffer; returns its length.</summary>
    private int Compress(ReadOnlySpan<byte> bytes)
    {
        var bound = Compressor.GetCompressBound(bytes.Length);
        if (_frame.Length < bound)
        {
            _frame = new byte[Math.Max(bound, _frame.Length * 2)];
        }

        return _compressor!.Wrap(bytes, _frame);
    }

    /// <summary>Dictionaries compared by their bytes.</summary>
    private sealed class DictionaryContent : IEqualityComparer<byte[]>
    {
        public static readonly DictionaryContent Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        // A sample of the bytes: Equals compares them all, and this is asked once per source segment.
        public int GetHashCode(byte[] bytes)
        {
            var hash = new HashCode();
            hash.Add(bytes.Length);
            for (var i = 0; i < bytes.Length; i += Math.Max(1, bytes.Length / 64))
            {
                hash.Add(bytes[i]);
            }

            return hash.ToHashCode();
        }
    }
}
