using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Several segments as one segment source: their live documents one after another in segment
/// order (so every merged posting list stays in doc order), deleted documents dropped. The
/// deletes used are the ones the writer had when the merge started; later deletes are carried
/// over through <see cref="DocMaps"/> when the merge is applied.
/// </summary>
internal sealed class MergeSegmentSource : SegmentSource
{
    private readonly IReadOnlyList<SegmentReader> _readers;
    private readonly int _docCount;
    private int[] _positions = new int[64];
    private StoredFieldsWriter? _storedFields;

    public MergeSegmentSource(IndexSchema schema, IReadOnlyList<SegmentReader> readers, IReadOnlyList<LiveDocs?> liveDocs)
        : base(schema)
    {
        _readers = readers;
        var maps = new int[readers.Count][];
        for (var s = 0; s < readers.Count; s++)
        {
            var map = new int[readers[s].MaxDoc];
            for (var d = 0; d < map.Length; d++)
            {
                map[d] = liveDocs[s]?.IsDeleted(d) == true ? -1 : _docCount++;
            }

            maps[s] = map;
        }

        DocMaps = maps;
    }

    /// <summary>Per source segment, old doc → merged doc (-1 when it was deleted at the start of the merge).</summary>
    public IReadOnlyList<int[]> DocMaps { get; }

    public override int DocCount => _docCount;

    public override int[]? DocMap => null;

    public override byte[] Norms(int field)
    {
        var norms = new byte[_docCount];
        ForEachLive((reader, old, merged) => norms[merged] = reader.Norm(field, old));
        return norms;
    }

    public override long[] Numerics(int field)
    {
        var name = Schema.Fields[field].Name;
        var values = new long[_docCount];
        ForEachLive((reader, old, merged) => values[merged] = reader.NumericValue(name, old) ?? long.MinValue);
        return values;
    }

    /// <summary>
    /// Joins the sources' columns ordinal by ordinal: the values some live document holds, taken in
    /// order from each source's sorted table (a k-way merge), and each document's ordinals mapped
    /// through its source's old-to-new table. No document's values become strings or arrays of
    /// their own: at a million documents `id` and `source_hash` hold a million values each, and
    /// gathering them per document with a set and a map of them all took some 0.1 GB a field.
    /// </summary>
    public override KeywordColumnData KeywordColumn(int field)
    {
        var name = Schema.Fields[field].Name;
        var columns = _readers.Select(r => r.KeywordColumn(name)).ToArray();
        var newOrdinals = new int[_readers.Count][];
        var total = 0;
        for (var s = 0; s < _readers.Count; s++)
        {
            if (columns[s] is not { } column)
            {
                continue;
            }

            // Only values a live document holds are kept, as gathering them from the documents did; -1 marks the rest.
            var map = DocMaps[s];
            var ordinals = newOrdinals[s] = new int[column.ValueCount];
            Array.Fill(ordinals, -1);
            for (var old = 0; old < map.Length; old++)
            {
                if (map[old] >= 0)
                {
                    foreach (var ord in column.OrdinalsOf(old))
                    {
                        ordinals[ord] = 0;
                        total++;
                    }
                }
            }
        }

        var values = new List<string>();
        var queue = new PriorityQueue<(int Source, int Ord), string>(StringComparer.Ordinal);
        for (var s = 0; s < _readers.Count; s++)
        {
            EnqueueNextUsed(queue, columns, newOrdinals, s, 0);
        }

        while (queue.TryDequeue(out var at, out var value))
        {
            if (values.Count == 0 || !string.Equals(values[^1], value, StringComparison.Ordinal))
            {
                values.Add(value);
            }

            newOrdinals[at.Source][at.Ord] = values.Count - 1;
            EnqueueNextUsed(queue, columns, newOrdinals, at.Source, at.Ord + 1);
        }

        var starts = new int[_docCount + 1];
        var ords = new int[total];
        var next = 0;
        for (var s = 0; s < _readers.Count; s++)
        {
            var map = DocMaps[s];
            for (var old = 0; old < map.Length; old++)
            {
                if (map[old] < 0)
                {
                    continue;
                }

                starts[map[old]] = next;
                if (columns[s] is { } column)
                {
                    // A source's old-to-new ordinal table only grows, so a document's ordinals stay ascending.
                    foreach (var ord in column.OrdinalsOf(old))
                    {
                        ords[next++] = newOrdinals[s][ord];
                    }
                }
            }
        }

        starts[_docCount] = next;
        return new KeywordColumnData(values, starts, ords);
    }

    private static void EnqueueNextUsed(PriorityQueue<(int Source, int Ord), string> queue, Reader.KeywordColumn?[] columns, int[][] newOrdinals, int source, int from)
    {
        if (columns[source] is not { } column)
        {
            return;
        }

        var ordinals = newOrdinals[source];
        for (var ord = from; ord < ordinals.Length; ord++)
        {
            if (ordinals[ord] >= 0)
            {
                queue.Enqueue((source, ord), column.Values[ord]);
                return;
            }
        }
    }

    public override IEnumerable<byte[]> StoredDocuments()
    {
        for (var s = 0; s < _readers.Count; s++)
        {
            var map = DocMaps[s];
            var old = 0;
            foreach (var bytes in _readers[s].RawDocuments())
            {
                if (map[old++] >= 0)
                {
                    yield return bytes;
                }
            }
        }
    }

    /// <summary>
    /// Copies every full chunk whose documents are all live as it is, with the dictionary its
    /// tails refer to (no decoding or encoding: most of a merge's time was stored fields), after verifying its segment's
    /// <c>.fdt</c> checksum once, since copied bytes are never decoded here; a chunk with a deleted
    /// document, or a segment's last chunk (seldom full), is decompressed and its live documents
    /// added one by one, so the small last chunks of consecutive sources are joined into full ones.
    /// </summary>
    public override void WriteStoredFields(StoredFieldsWriter writer)
    {
        for (var s = 0; s < _readers.Count; s++)
        {
            var reader = _readers[s];
            var map = DocMaps[s];
            var verified = false;
            for (var c = 0; c < reader.StoredChunkCount; c++)
            {
                var (first, count) = reader.StoredChunkDocs(c);
                if (Array.IndexOf(map, -1, first, count) < 0 && reader.IsFullStoredChunk(c))
                {
                    if (!verified)
                    {
                        reader.VerifyStoredFieldsChecksum();
                        verified = true;
                    }

                    writer.CopyChunk(reader.StoredChunkBytes(c), count, reader.StoredChunkDictionary(c));
                    continue;
                }

                var old = first;
                foreach (var bytes in reader.StoredChunkDocuments(c))
                {
                    if (map[old++] >= 0)
                    {
                        writer.Add(bytes);
                    }
                }
            }
        }

        _storedFields = writer;
    }

    /// <summary>Stored-fields chunks the merge copied unread (once the merge is written).</summary>
    public int CopiedChunks => _storedFields?.CopiedChunks ?? 0;

    /// <summary>Stored-fields chunks the merge compressed afresh (once the merge is written).</summary>
    public int CompressedChunks => _storedFields?.CompressedChunks ?? 0;

    /// <summary>
    /// A k-way merge of the sources' sorted term lists; a term's postings are gathered segment by
    /// segment into one reused buffer (valid until the next term).
    /// </summary>
    public override IEnumerable<(string Term, TermPostingsBuffer Postings, int DocFreq)> Terms(int field)
    {
        var enumerators = new IEnumerator<(string Term, TermInfo Info)>[_readers.Count];
        var queue = new PriorityQueue<int, (string Term, int Segment)>(Comparer<(string Term, int Segment)>.Create(
            static (a, b) =>
            {
                var c = string.CompareOrdinal(a.Term, b.Term);
                return c != 0 ? c : a.Segment.CompareTo(b.Segment);
            }));
        try
        {
            for (var s = 0; s < _readers.Count; s++)
            {
                enumerators[s] = _readers[s].Terms.Enumerate(field).GetEnumerator();
                if (enumerators[s].MoveNext())
                {
                    queue.Enqueue(s, (enumerators[s].Current.Term, s));
                }
            }

            var fieldPositions = PostingsFormat.IndexesPositions(Schema.Fields[field].Kind);
            var postings = new TermPostingsBuffer();
            var sources = new List<(int Segment, TermInfo Info)>();
            while (queue.TryPeek(out _, out var top))
            {
                var term = top.Term;

                // Equal terms come out in segment order, so merged doc numbers only grow.
                sources.Clear();
                var hasPositions = fieldPositions;
                while (queue.TryPeek(out var s, out var next) && next.Term == term)
                {
                    queue.Dequeue();
                    var info = enumerators[s].Current.Info;
                    sources.Add((s, info));
                    hasPositions &= info.HasPositions;
                    if (enumerators[s].MoveNext())
                    {
                        queue.Enqueue(s, (enumerators[s].Current.Term, s));
                    }
                }

                // A term keeps positions when every segment holding it kept them (the analyzer marks
                // a term alike everywhere, so they agree; if not, positions no segment has cannot be made).
                postings.Clear(hasPositions);
                foreach (var (s, info) in sources)
                {
                    Append(postings, s, info);
                }

                if (postings.Docs.Count > 0)
                {
                    yield return (term, postings, postings.Docs.Count);
                }
            }
        }
        finally
        {
            foreach (var enumerator in enumerators)
            {
                enumerator?.Dispose();
            }
        }
    }

    private void Append(TermPostingsBuffer target, int segment, TermInfo info)
    {
        var map = DocMaps[segment];
        var postings = _readers[segment].Postings(info);
        for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
        {
            var merged = map[doc];
            if (merged < 0)
            {
                continue;
            }

            if (!target.HasPositions)
            {
                // Also when this source had positions for it and another did not: they are dropped.
                target.AddDoc(merged, postings.Freq);
                continue;
            }

            var freq = 0;
            while (postings.NextPosition())
            {
                if (freq == _positions.Length)
                {
                    Array.Resize(ref _positions, freq * 2);
                }

                _positions[freq++] = postings.Position;
            }

            target.AddDocument(merged, _positions.AsSpan(0, freq));
        }
    }

    private void ForEachLive(Action<SegmentReader, int, int> action)
    {
        for (var s = 0; s < _readers.Count; s++)
        {
            var map = DocMaps[s];
            for (var old = 0; old < map.Length; old++)
            {
                if (map[old] >= 0)
                {
                    action(_readers[s], old, map[old]);
                }
            }
        }
    }
}
