using System.Security.Cryptography;
using System.Text;
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
/// <remarks>Like the writer it feeds, one thread at a time. Nothing is durable until the caller commits.</remarks>
public sealed class ConclusionIngestor
{
    private readonly IndexWriter _writer;
    private readonly ConclusionExtractor _extractor;
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);

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
                    _hashes[id[0]] = hash.Count > 0 ? hash[0] : "";
                }
            }
        }
    }

    /// <summary>Documents known to the ingestor (committed before it started, or ingested since).</summary>
    public int KnownDocuments => _hashes.Count;

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
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var source = $"{path}:{number}";
            var bytes = Encoding.UTF8.GetByteCount(line) + 1;
            ConclusionDocument? record = null;
            string? error = null;
            try
            {
                record = CorpusRecord.Parse(line);
            }
            catch (FormatException e)
            {
                error = e.Message;
            }

            if (record is null)
            {
                yield return new IngestOutcome(source, null, IngestStatus.Failed, error, bytes);
                continue;
            }

            var hash = Hash(Encoding.UTF8.GetBytes(line));
            yield return IsUnchanged(record.Id, hash)
                ? new IngestOutcome(source, record.Id, IngestStatus.Unchanged, null, bytes)
                : Store(source, record, hash, bytes);
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
        _hashes.Remove(id);
        return _writer.DeleteDocument(id) > 0;
    }

    /// <summary>The hash kept with a source: SHA-256 of its bytes, hex.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private bool IsUnchanged(string id, string hash) => _hashes.TryGetValue(id, out var known) && known == hash;

    private IngestOutcome Store(string source, ConclusionDocument record, string? hash, long bytes)
    {
        var existed = _hashes.ContainsKey(record.Id);
        try
        {
            _writer.UpdateDocument(record.Id, ConclusionIndexDocument.From(record, hash));
        }
        catch (DocumentLimitException e)
        {
            // Refused before anything was buffered: the old version, if any, stays as it was.
            return new IngestOutcome(source, record.Id, IngestStatus.Failed, e.Message, bytes);
        }

        _hashes[record.Id] = hash ?? "";
        return new IngestOutcome(source, record.Id, existed ? IngestStatus.Updated : IngestStatus.Added, null, bytes);
    }
}
