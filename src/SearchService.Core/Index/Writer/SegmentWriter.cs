using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Writes a <see cref="SegmentSource"/> (the RAM buffer at a flush, several segments at a merge)
/// out as one immutable segment, every file with a header and a CRC-32C footer (see
/// <see cref="CodecFile"/>). File layouts are described on <see cref="PostingsFormat"/>,
/// <see cref="SegmentInfo"/> and next to each writing method here.
/// </summary>
internal static class SegmentWriter
{
    /// <summary>Writes the RAM buffer as segment <paramref name="name"/>; returns its info.</summary>
    public static SegmentInfo Write(IndexDirectory directory, string name, SegmentBuffer buffer) =>
        Write(directory, name, new BufferSegmentSource(buffer));

    /// <summary>Writes <paramref name="source"/> as segment <paramref name="name"/>; returns its info.</summary>
    /// <remarks>
    /// The stored fields (mostly compression) share nothing with the postings, so they are written
    /// on a second thread meanwhile: a merge or a flush takes about as long as the longer of the
    /// two instead of their sum. Both are done before this returns, whether it succeeds or fails.
    /// </remarks>
    public static SegmentInfo Write(IndexDirectory directory, string name, SegmentSource source)
    {
        var stored = Task.Run(() => WriteStoredFields(directory, name, source));
        try
        {
            var norms = WriteNorms(directory, name, source);
            WriteTermsAndPostings(directory, name, source, norms);
            WriteDocValues(directory, name, source);
        }
        catch
        {
            // Never leave a file being written behind a failure the caller will clean up after.
            ((IAsyncResult)stored).AsyncWaitHandle.WaitOne();
            throw;
        }

        stored.GetAwaiter().GetResult();
        var info = new SegmentInfo(name, source.DocCount, source.Schema.Fields);
        info.Write(directory);
        return info;
    }

    /// <summary><c>.nrm</c>: header("Norms", 1); per text field, one norm byte per doc; footer.</summary>
    private static byte[]?[] WriteNorms(IndexDirectory directory, string name, SegmentSource source)
    {
        var fields = source.Schema.Fields;
        var norms = new byte[]?[fields.Count];
        using var output = directory.CreateOutput(IndexFileNames.SegmentFile(name, "nrm"));
        CodecFile.WriteHeader(output, "Norms", 1);
        for (var f = 0; f < fields.Count; f++)
        {
            if (fields[f].Kind != FieldKind.Text)
            {
                continue;
            }

            var bytes = source.Norms(f);
            output.WriteBytes(bytes);
            norms[f] = bytes;
        }

        CodecFile.WriteFooter(output);
        return norms;
    }

    /// <summary>
    /// <c>.tim</c>: header("Terms", 2); per field (in field order) the terms in blocks of 32, each entry: shared prefix length with the previous term of the
    /// block (VInt, chars), suffix length (VInt), suffix chars (VInt each), docFreq (VInt),
    /// (totalTermFreq − docFreq) · 2 + 1 when the term has positions (VLong), the <c>.doc</c>
    /// pointer and, for a term with positions, the <c>.pos</c> pointer (VLong each, absolute for a
    /// block's first term, deltas after: from the previous term that has one). Then the block index: per field the
    /// term count (VInt), the block count (VInt) and per block its first term (string) and file pointer (VLong). Then
    /// the block index's start (int64) and the footer. Readers keep only the block index in memory.
    /// </summary>
    private static void WriteTermsAndPostings(IndexDirectory directory, string name, SegmentSource source, byte[]?[] norms)
    {
        var fields = source.Schema.Fields;
        var docMap = source.DocMap;
        using var tim = directory.CreateOutput(IndexFileNames.SegmentFile(name, "tim"));
        using var doc = directory.CreateOutput(IndexFileNames.SegmentFile(name, "doc"));
        using var pos = directory.CreateOutput(IndexFileNames.SegmentFile(name, "pos"));
        CodecFile.WriteHeader(tim, "Terms", PostingsFormat.TermsVersion);
        CodecFile.WriteHeader(doc, "Postings", PostingsFormat.DocsVersion);
        CodecFile.WriteHeader(pos, "Positions", PostingsFormat.PositionsVersion);

        var blockIndex = new List<(string FirstTerm, long Pointer)>[fields.Count];
        var termCounts = new int[fields.Count];
        var scratch = new PostingsScratch();
        for (var f = 0; f < fields.Count; f++)
        {
            blockIndex[f] = [];
            var count = 0;
            string previous = string.Empty;
            long previousDoc = 0;
            long previousPos = 0;
            foreach (var (term, postings, df) in source.Terms(f))
            {
                if (term.Length > IndexLimits.MaxStoredTermLength)
                {
                    // The last line of defence: a segment with such a term could never be read back.
                    throw new InvalidOperationException($"refusing to write segment {name}: a term of field '{source.Schema.Fields[f].Name}' has {term.Length} chars, more than the {IndexLimits.MaxStoredTermLength} the reader takes");
                }

                var firstInBlock = count++ % PostingsFormat.TermsPerBlock == 0;
                if (firstInBlock)
                {
                    blockIndex[f].Add((term, tim.Position));
                    previous = string.Empty;
                    previousDoc = 0;
                    previousPos = 0;
                }

                var docPointer = doc.Position;
                var posPointer = pos.Position;
                var totalFreq = WritePostings(doc, pos, postings, docMap, norms[f], df, scratch);

                var prefix = SharedPrefix(previous, term);
                tim.WriteVInt(prefix);
                tim.WriteVInt(term.Length - prefix);
                for (var i = prefix; i < term.Length; i++)
                {
                    tim.WriteVInt(term[i]);
                }

                tim.WriteVInt(df);
                tim.WriteVLong(((totalFreq - df) << 1) | (postings.HasPositions ? 1L : 0L));
                tim.WriteVLong(docPointer - previousDoc);
                if (postings.HasPositions)
                {
                    tim.WriteVLong(posPointer - previousPos);
                    previousPos = posPointer;
                }

                previous = term;
                previousDoc = docPointer;
            }

            termCounts[f] = count;
        }

        var indexStart = tim.Position;
        for (var f = 0; f < fields.Count; f++)
        {
            tim.WriteVInt(termCounts[f]);
            tim.WriteVInt(blockIndex[f].Count);
            foreach (var (first, pointer) in blockIndex[f])
            {
                tim.WriteString(first);
                tim.WriteVLong(pointer);
            }
        }

        tim.WriteInt64(indexStart);
        CodecFile.WriteFooter(tim);
        CodecFile.WriteFooter(doc);
        CodecFile.WriteFooter(pos);
    }

    /// <summary>
    /// Writes one term's docs, freqs and positions (layout on <see cref="PostingsFormat"/>);
    /// returns its total term frequency.
    /// </summary>
    private static long WritePostings(IndexOutput doc, IndexOutput pos, TermPostingsBuffer postings, int[]? docMap, byte[]? norms, int df, PostingsScratch scratch)
    {
        var hasPositions = postings.HasPositions;
        scratch.Reset(df, hasPositions ? pos : null);
        var docs = postings.Docs.Span;
        var freqs = postings.Freqs.Span;
        long totalFreq = 0;
        var n = 0;
        for (var i = 0; i < docs.Length; i++)
        {
            var newDoc = docMap is null ? docs[i] : docMap[docs[i]];
            if (newDoc < 0)
            {
                continue;
            }

            if (n % PostingsFormat.BlockSize == 0 && hasPositions)
            {
                scratch.BlockPositionCounts.Add(scratch.PositionCount);
            }

            scratch.Docs[n] = newDoc;
            scratch.Freqs[n] = freqs[i];
            n++;
            totalFreq += freqs[i];
            if (hasPositions)
            {
                // The buffer holds each doc's occurrences as VInt deltas (restarting at each doc).
                var prox = postings.ProxOf(i);
                var p = 0;
                while (p < prox.Length)
                {
                    var value = 0;
                    var shift = 0;
                    byte b;
                    do
                    {
                        b = prox[p++];
                        value |= (b & 0x7F) << shift;
                        shift += 7;
                    }
                    while (b >= 0x80);
                    scratch.AddPosition(value);
                }
            }
        }

        if (n % PostingsFormat.BlockSize == 0 && hasPositions)
        {
            // Where the (possibly empty) tail of docs starts in the positions.
            scratch.BlockPositionCounts.Add(scratch.PositionCount);
        }

        var posBlockPointers = scratch.PositionBlockPointers;
        if (hasPositions)
        {
            scratch.FinishPositions();
        }

        var fullBlocks = df / PostingsFormat.BlockSize;
        var block = scratch.Block;
        block.Clear();
        var previousDoc = -1;
        var previousLast = -1;
        Span<int> deltas = stackalloc int[PostingsFormat.BlockSize];
        Span<int> blockFreqs = stackalloc int[PostingsFormat.BlockSize];
        long lastPosPointer = 0;
        var lastPositionCount = 0;
        for (var b = 0; b < fullBlocks; b++)
        {
            var before = block.Count;
            var maxFreq = 0;
            byte minNorm = 255;
            for (var i = 0; i < PostingsFormat.BlockSize; i++)
            {
                var d = scratch.Docs[(b * PostingsFormat.BlockSize) + i];
                var fr = scratch.Freqs[(b * PostingsFormat.BlockSize) + i];
                deltas[i] = d - previousDoc;
                blockFreqs[i] = fr - 1;
                previousDoc = d;
                maxFreq = Math.Max(maxFreq, fr);
                if (norms is not null)
                {
                    minNorm = Math.Min(minNorm, norms[d]);
                }
            }

            AppendPacked(block, deltas, scratch.Encoded);
            AppendPacked(block, blockFreqs, scratch.Encoded);
            doc.WriteVInt(previousDoc - previousLast);
            doc.WriteVInt(block.Count - before);
            doc.WriteVInt(maxFreq);
            doc.WriteByte(norms is null ? (byte)0 : minNorm);
            if (hasPositions)
            {
                WritePositionSkip(doc, scratch.BlockPositionCounts[b], posBlockPointers, ref lastPosPointer, ref lastPositionCount);
            }

            previousLast = previousDoc;
        }

        if (hasPositions && fullBlocks > 0)
        {
            // Where the tail's positions start, so Advance can jump straight into the tail (with no full block: at the term's start).
            WritePositionSkip(doc, scratch.BlockPositionCounts[fullBlocks], posBlockPointers, ref lastPosPointer, ref lastPositionCount);
        }

        doc.WriteBytes(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(block));
        for (var i = fullBlocks * PostingsFormat.BlockSize; i < df; i++)
        {
            // A freq of 1 (most tail docs) rides in the delta's low bit instead of a byte of its own.
            var delta = scratch.Docs[i] - previousDoc;
            if (scratch.Freqs[i] == 1)
            {
                doc.WriteVInt((delta << 1) | 1);
            }
            else
            {
                doc.WriteVInt(delta << 1);
                doc.WriteVInt(scratch.Freqs[i]);
            }

            previousDoc = scratch.Docs[i];
        }

        return totalFreq;
    }

    /// <summary>
    /// A skip entry's positions part: the <c>.pos</c> pointer of the block holding the first
    /// occurrence of the doc block (VLong, delta from the previous entry's) and the occurrences
    /// before that doc block (VLong, delta from the previous entry's), which give the block number
    /// and where in it the doc block starts.
    /// </summary>
    private static void WritePositionSkip(IndexOutput doc, int positionCount, List<long> posBlockPointers, ref long lastPointer, ref int lastCount)
    {
        var pointer = posBlockPointers[positionCount / PostingsFormat.BlockSize];
        doc.WriteVLong(pointer - lastPointer);
        doc.WriteVLong(positionCount - lastCount);
        lastPointer = pointer;
        lastCount = positionCount;
    }

    private static void AppendPacked(List<byte> block, ReadOnlySpan<int> values, byte[] encoded)
    {
        var length = PatchedBlock.Encode(values, encoded);
        block.AddRange(encoded.AsSpan(0, length));
    }

    private static int SharedPrefix(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < n && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// <c>.fdt</c>: header("StoredFields", 3); chunks of about 128 KiB or 128 documents, each: doc
    /// count (VInt), each doc's head, tail and compressed tail byte lengths (VInt each), every
    /// doc's head in one zstd frame, then each doc's tail in a frame of its own, over the segment's
    /// dictionary (see <see cref="StoredFieldsLayout"/>, <see cref="StoredDocument"/> and
    /// <see cref="StoredFieldsWriter"/>); then the chunk index — chunk count (VInt), per chunk its
    /// first doc (VInt), file pointer (VLong) and dictionary (VInt) — the dictionaries, the
    /// index's start (int64), and the footer. The source decides which chunks are compressed here and which a
    /// merge copies from a source segment (<see cref="SegmentSource.WriteStoredFields"/>).
    /// </summary>
    private static void WriteStoredFields(IndexDirectory directory, string name, SegmentSource source)
    {
        using var output = directory.CreateOutput(IndexFileNames.SegmentFile(name, "fdt"));
        CodecFile.WriteHeader(output, "StoredFields", PostingsFormat.StoredFieldsVersion);
        var writer = new StoredFieldsWriter(output, source.StoredDictionary);
        source.WriteStoredFields(writer);
        writer.Finish();
        source.StoredDictionary = writer.Dictionary;
        CodecFile.WriteFooter(output);
    }

    /// <summary>
    /// <c>.dvd</c>: header("DocValues", 1); per field a kind byte — 0 none (text), 1 numeric:
    /// one zig-zag VLong per doc (long.MinValue for none), 2 sorted set: the distinct values in
    /// order (VInt count, strings), then per doc the number of values (VInt) and their ordinals
    /// (VInt deltas); footer.
    /// </summary>
    private static void WriteDocValues(IndexDirectory directory, string name, SegmentSource source)
    {
        var fields = source.Schema.Fields;
        using var output = directory.CreateOutput(IndexFileNames.SegmentFile(name, "dvd"));
        CodecFile.WriteHeader(output, "DocValues", 1);
        for (var f = 0; f < fields.Count; f++)
        {
            if (fields[f].Kind == FieldKind.Numeric)
            {
                output.WriteByte(1);
                foreach (var value in source.Numerics(f))
                {
                    output.WriteZLong(value);
                }
            }
            else if (fields[f].Kind == FieldKind.Keyword)
            {
                output.WriteByte(2);
                var column = source.KeywordColumn(f);
                output.WriteVInt(column.Values.Count);
                foreach (var v in column.Values)
                {
                    output.WriteString(v);
                }

                for (var doc = 0; doc + 1 < column.Starts.Length; doc++)
                {
                    var start = column.Starts[doc];
                    output.WriteVInt(column.Starts[doc + 1] - start);
                    var previous = 0;
                    for (var i = start; i < column.Starts[doc + 1]; i++)
                    {
                        output.WriteVInt(column.Ords[i] - previous);
                        previous = column.Ords[i];
                    }
                }
            }
            else
            {
                output.WriteByte(0);
            }
        }

        CodecFile.WriteFooter(output);
    }
}
