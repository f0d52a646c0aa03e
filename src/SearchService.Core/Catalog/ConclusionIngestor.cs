using System.Collections.Concurrent;
using System.Security.Cryptography;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Documents.Readers;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Catalog;

/// <summary>
/// Feeds conclusion documents into an <see cref="IndexWriter"/> with the conclusion schema, the
/// way re-running an import should behave: a source's bytes are hashed and kept with the
/// document, so an unchanged source is skipped, a changed one replaces its old version (same
/// id), and a source that cannot be read or extracted is reported and leaves the index alone.
/// </summary>
/// <remarks>
/// Like the writer it feeds, one thread at a time. Nothing is durable until the caller commits.
/// With <see cref="AnalysisThreads"/> set, a corpus file's lines are parsed, hashed and analyzed
/// on that many worker threads ahead of the caller, who still adds them one by one in file order:
/// ids, updates and outcomes come out exactly as without workers.
/// </remarks>
public sealed class ConclusionIngestor
{
    private readonly IndexWriter _writer;
    private readonly ConclusionExtractor _extractor;
    private readonly Dictionary<string, SourceDigest> _hashes = new(StringComparer.Ordinal);

    /// <summary>An ingestor writing to <paramref name="writer"/>; what is already indexed is learned from its directory's last commit.</summary>
    public ConclusionIngestor(IndexWriter writer, ConclusionExtractor? extractor = null)
    {
        _writer = writer;
        _extractor = extractor ?? new ConclusionExtractor();
        using var committed = IndexSnapshot.Open(writer.Directory);
        foreach (var segment in committed.Segments)
        {
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (segment.IsDeleted(doc))
                {
                    continue;
                }

                var id = segment.KeywordValues(ConclusionFields.Id, doc);
                var hash = segment.KeywordValues(ConclusionFields.SourceHash, doc);
                if (id.Count > 0)
                {
                    _hashes[id[0]] = SourceDigest.Of(hash.Count > 0 ? hash[0] : null);
                }
            }
        }
    }


    /// <summary>
    /// Worker threads that parse and analyze a corpus file's lines ahead of the writer (0, the
    /// default: everything on the caller's thread). A document costs its worker about twice what it
    /// costs the writer, so the command line runs one worker a core beside the writer's thread.
    /// </summary>
    public int AnalysisThreads { get; init; }

    /// <summary>True when a document with <paramref name="id"/> is in the index (committed or ingested since).</summary>
    public bool Contains(string id) => _hashes.ContainsKey(id);

    /// <summary>Ingests one document file (.txt, .md, .docx, .pdf); its id is the file name without extension.</summary>
    public IngestOutcome IngestFile(string path)
    {
        var id = Path.GetFileNameWithoutExtension(path);
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > DocumentReaders.DefaultMaxFileBytes)
            {
                return new IngestOutcome(path, id, IngestStatus.Failed, $"file is {length / (1024.0 * 1024.0):0.0} MiB, larger than a document may be", 0);
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new IngestOutcome(path, id, IngestStatus.Failed, e.Message, 0);
        }

        var hash = Hash(bytes);
        if (IsUnchanged(id, hash))
        {
            return new IngestOutcome(path, id, IngestStatus.Unchanged, null, bytes.Length);
        }

        ConclusionDocument record;
        try
        {
            record = _extractor.ExtractFile(path);
        }
        catch (DocumentReadException e)
        {
            // ConverterMissingException is one of these too (no pdftotext for a .pdf).
            return new IngestOutcome(path, id, IngestStatus.Failed, e.Reason, bytes.Length);
        }

        return Store(path, record, hash, bytes.Length);
    }

    /// <summary>Ingests every line of a corpus file (see <see cref="CorpusRecord"/>); a bad line fails alone.</summary>
    public IEnumerable<IngestOutcome> IngestCorpus(string path)
    {
        var recycled = new ConcurrentBag<AnalyzedDocument>();
        using var pipeline = new ReadAheadPipeline<(byte[]? Utf8, int Number), CorpusLine?>(
            CorpusLineReader.Read(path),
            item => PrepareLine(path, item.Utf8, item.Number, recycled),
            AnalysisThreads,
            capacity: 4 * (AnalysisThreads + 1));
        foreach (var line in pipeline.Results())
        {
            if (line is null)
            {
                continue; // a blank line
            }

            if (line.Record is null)
            {
                yield return new IngestOutcome(line.Source, null, IngestStatus.Failed, line.Error, line.Bytes);
                continue;
            }

            if (IsUnchanged(line.Record.Id, line.Hash))
            {
                Recycle(line.Analyzed, recycled);
                yield return new IngestOutcome(line.Source, line.Record.Id, IngestStatus.Unchanged, null, line.Bytes);
                continue;
            }

            if (line.Analyzed is null && line.Error is null)
            {
                // The worker took it for unchanged, but an earlier line of this run changed the id.
                (line.Analyzed, line.Error) = Analyze(ConclusionIndexDocument.From(line.Record, line.Hash), null);
            }

            yield return line.Analyzed is null
                ? new IngestOutcome(line.Source, line.Record.Id, IngestStatus.Failed, line.Error, line.Bytes)
                : Store(line.Source, line.Record.Id, line.Analyzed, line.Hash, line.Bytes);
            Recycle(line.Analyzed, recycled);
        }
    }

    /// <summary>Adds or replaces <paramref name="record"/> (e.g. one posted to the API); <paramref name="sourceHash"/> null when there is no source file.</summary>
    public IngestOutcome IngestRecord(ConclusionDocument record, string? sourceHash, string source)
    {
        ArgumentNullException.ThrowIfNull(record);
        return sourceHash is not null && IsUnchanged(record.Id, sourceHash)
            ? new IngestOutcome(source, record.Id, IngestStatus.Unchanged, null, 0)
            : Store(source, record, sourceHash, 0);
    }

    /// <summary>Deletes the document with <paramref name="id"/>; false when there was none.</summary>
    public bool Delete(string id)
    {
        lock (_hashes)
        {
            _hashes.Remove(id);
        }

        return _writer.DeleteDocument(id) > 0;
    }

    /// <summary>The hash kept with a source: SHA-256 of its bytes, hex.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void Recycle(AnalyzedDocument? analyzed, ConcurrentBag<AnalyzedDocument> recycled)
    {
        if (analyzed is not null)
        {
            recycled.Add(analyzed);
        }
    }

    private bool IsUnchanged(string id, string hash) => _hashes.TryGetValue(id, out var known) && known.SameSourceAs(SourceDigest.Of(hash));

    /// <summary>A corpus line made ready on a worker: parsed, hashed and, unless it looks unchanged, analyzed.</summary>
    private CorpusLine? PrepareLine(string path, byte[]? utf8, int number, ConcurrentBag<AnalyzedDocument> recycled)
    {
        if (utf8 is null)
        {
            return null; // a blank line
        }

        var source = $"{path}:{number}";
        var line = new CorpusLine(source, utf8.Length + 1);
        ReadOnlyMemory<byte> bodyUtf8;
        try
        {
            line.Record = CorpusRecord.Parse(utf8, out bodyUtf8);
        }
        catch (FormatException e)
        {
            line.Error = e.Message;
            return line;
        }

        line.Hash = Hash(utf8);
        bool unchanged;
        lock (_hashes)
        {
            unchanged = IsUnchanged(line.Record.Id, line.Hash);
        }

        if (!unchanged)
        {
            (line.Analyzed, line.Error) = Analyze(ConclusionIndexDocument.From(line.Record, line.Hash, bodyUtf8), recycled.TryTake(out var reuse) ? reuse : null);
        }

        return line;
    }

    /// <summary>Analyzes a document for the writer; a document over the index's limits gives the reason instead.</summary>
    private (AnalyzedDocument? Analyzed, string? Error) Analyze(IndexDocument document, AnalyzedDocument? reuse)
    {
        try
        {
            return (_writer.Analyze(document, reuse), null);
        }
        catch (DocumentLimitException e)
        {
            return (null, e.Message);
        }
    }

    private IngestOutcome Store(string source, ConclusionDocument record, string? hash, long bytes)
    {
        var (analyzed, error) = Analyze(ConclusionIndexDocument.From(record, hash), null);
        return analyzed is null
            ? new IngestOutcome(source, record.Id, IngestStatus.Failed, error, bytes)
            : Store(source, record.Id, analyzed, hash, bytes);
    }

    private IngestOutcome Store(string source, string id, AnalyzedDocument analyzed, string? hash, long bytes)
    {
        // Refused before anything was buffered (analysis checks the limits): the old version, if any, stays as it was.
        var existed = _hashes.ContainsKey(id);
        _writer.UpdateDocument(id, analyzed);
        lock (_hashes)
        {
            _hashes[id] = SourceDigest.Of(hash);
        }

        return new IngestOutcome(source, id, existed ? IngestStatus.Updated : IngestStatus.Added, null, bytes);
    }

    /// <summary>One line of a corpus file on its way from a worker to the writer.</summary>
    private sealed class CorpusLine(string source, int bytes)
    {
        public string Source { get; } = source;

        public int Bytes { get; } = bytes;

        public ConclusionDocument? Record { get; set; }

        public string Hash { get; set; } = "";

        public AnalyzedDocument? Analyzed { get; set; }

        public string? Error { get; set; }
    }
}
