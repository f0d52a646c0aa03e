using SearchService.Core.Index.Codec;

namespace SearchService.Core.Index.Writer;

/// <summary>The RAM buffer as a segment source: documents deleted while buffered are left out, the rest renumbered densely.</summary>
internal sealed class BufferSegmentSource : SegmentSource
{
    private readonly SegmentBuffer _buffer;
    private readonly int[] _docMap;
    private readonly int _docCount;

    public BufferSegmentSource(SegmentBuffer buffer)
        : base(buffer.Schema)
    {
        _buffer = buffer;
        _docMap = new int[buffer.DocCount];
        for (var i = 0; i < buffer.DocCount; i++)
        {
            _docMap[i] = buffer.Deleted[i] ? -1 : _docCount++;
        }
    }

    public override int DocCount => _docCount;

    public override int[]? DocMap => _docMap;

    public override byte[] Norms(int field)
    {
        var lengths = _buffer.Lengths[field]!;
        var bytes = new byte[_docCount];
        for (var old = 0; old < _docMap.Length; old++)
        {
            if (_docMap[old] >= 0)
            {
                bytes[_docMap[old]] = NormEncoding.Encode(lengths[old]);
            }
        }

        return bytes;
    }

    /// <remarks>The postings are read into one reused buffer: each is valid until the next term.</remarks>
    public override IEnumerable<(string Term, TermPostingsBuffer Postings, int DocFreq)> Terms(int field)
    {
        var buffer = _buffer.Field(field);
        var terms = buffer.Terms;
        // Strings are what the segment writer takes; made once here and sorted with their ids.
        var keys = new string[terms.Count];
        var sorted = new int[terms.Count];
        for (var id = 0; id < sorted.Length; id++)
        {
            keys[id] = new string(terms.Term(id));
            sorted[id] = id;
        }

        Array.Sort(keys, sorted, StringComparer.Ordinal);
        var postings = new TermPostingsBuffer();
        for (var i = 0; i < sorted.Length; i++)
        {
            var id = sorted[i];
            buffer.Read(id, postings);
            var df = 0;
            foreach (var d in postings.Docs.Span)
            {
                if (_docMap[d] >= 0)
                {
                    df++;
                }
            }

            // A term whose every document was deleted in the buffer is not written at all.
            if (df > 0)
            {
                yield return (keys[i], postings, df);
            }
        }
    }

    public override IEnumerable<byte[]> StoredDocuments()
    {
        for (var old = 0; old < _docMap.Length; old++)
        {
            if (_docMap[old] >= 0)
            {
                yield return _buffer.Stored[old];
            }
        }
    }

    public override long[] Numerics(int field) => Live(_buffer.Numerics[field]!);

    /// <summary>
    /// Gathers the live documents' values (each document's sorted distinct values), then a sorted
    /// set and an ordinal map of them all: a RAM buffer is small enough for that.
    /// </summary>
    public override KeywordColumnData KeywordColumn(int field)
    {
        var keywords = Live(_buffer.Keywords[field]!);
        var values = new SortedSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var docValues in keywords)
        {
            values.UnionWith(docValues);
            count += docValues.Length;
        }

        var sorted = values.ToArray();
        var ordinals = new Dictionary<string, int>(sorted.Length, StringComparer.Ordinal);
        foreach (var value in sorted)
        {
            ordinals[value] = ordinals.Count;
        }

        var starts = new int[keywords.Length + 1];
        var ords = new int[count];
        var next = 0;
        for (var doc = 0; doc < keywords.Length; doc++)
        {
            starts[doc] = next;
            foreach (var value in keywords[doc])
            {
                ords[next++] = ordinals[value];
            }
        }

        starts[keywords.Length] = next;
        return new KeywordColumnData(sorted, starts, ords);
    }

    private T[] Live<T>(List<T> perBufferDoc)
    {
        var result = new T[_docCount];
        for (var old = 0; old < _docMap.Length; old++)
        {
            if (_docMap[old] >= 0)
            {
                result[_docMap[old]] = perBufferDoc[old];
            }
        }

        return result;
    }
}
