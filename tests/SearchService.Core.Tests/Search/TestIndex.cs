using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// A conclusion index built in a temp folder from a set of files, with the extracted records kept
/// beside it for brute-force checks. A small RAM buffer spreads the documents over several
/// segments, and one extra document is added and then deleted, so every component is exercised
/// across segment boundaries and past a deleted document.
/// </summary>
public sealed class TestIndex : IDisposable
{
    /// <summary>The id of the document that is indexed and then deleted.</summary>
    public const string DeletedId = "deleted-copy";

    private readonly TempFolder _scratch = new("ss-search");

    private TestIndex(IEnumerable<string> files)
    {
        var extractor = new ConclusionExtractor();
        Records = [.. files.Order(StringComparer.Ordinal).Select(extractor.ExtractFile)];
        using (var writer = IndexWriter.Open(_scratch.Path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = 30_000 }))
        {
            foreach (var record in Records)
            {
                writer.AddDocument(ConclusionIndexDocument.From(record));
            }

            // A copy with a made-up locality: if deletes were ignored, its values would show up.
            writer.AddDocument(ConclusionIndexDocument.From(Records[0] with { Id = DeletedId, Locality = "Deleted Town", Province = "Deleted Province" }));
            writer.Commit();
            writer.DeleteDocument(DeletedId);
            writer.Commit();
        }

        Snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
    }

    /// <summary>The live records, in file-name order.</summary>
    public IReadOnlyList<ConclusionDocument> Records { get; }

    /// <summary>The committed index (as of the last <see cref="Change"/>).</summary>
    public IndexSnapshot Snapshot { get; private set; }

    /// <summary>How many live documents the index holds (the records).</summary>
    public int DocumentCount => Records.Count;

    /// <summary>A conclusion searcher over the current <see cref="Snapshot"/>.</summary>
    public IndexSearcher Searcher => ConclusionSearcher.Open(Snapshot);

    /// <summary>The ids of the hits of <paramref name="query"/>, best first.</summary>
    public List<string> Ids(string query, int size = 20) =>
        [.. Searcher.Search(new SearchRequest { Query = query, Size = size }).Hits.Select(h => h.Id)];

    /// <summary>An index of the repository's samples.</summary>
    public static TestIndex OfSamples() =>
        new(TestCorpus.SampleFiles());

    /// <summary>An index of the samples and the seed documents of ../shared (call only from a SeedFact).</summary>
    public static TestIndex OfSamplesAndSeeds() =>
        new(TestCorpus.SampleFiles()
            .Concat(Directory.EnumerateFiles(TestCorpus.SeedDirectory!)));

    /// <summary>The snapshot-wide doc number of the live document with <paramref name="id"/>.</summary>
    public int DocOf(string id)
    {
        for (var s = 0; s < Snapshot.Segments.Count; s++)
        {
            var segment = Snapshot.Segments[s];
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (!segment.IsDeleted(doc) && segment.KeywordValues(ConclusionFields.Id, doc) is [var value] && value == id)
                {
                    return Snapshot.DocBases[s] + doc;
                }
            }
        }

        throw new InvalidOperationException($"no live document {id}");
    }

    /// <summary>Opens a writer, lets <paramref name="change"/> use it, commits and reopens <see cref="Snapshot"/> (the records are not updated).</summary>
    public IndexSnapshot Change(Action<IndexWriter> change)
    {
        using (var writer = IndexWriter.Open(_scratch.Path, ConclusionFields.Schema))
        {
            change(writer);
            writer.Commit();
        }

        if (Snapshot.Reopen() is { } newer)
        {
            Snapshot.Dispose();
            Snapshot = newer;
        }

        return Snapshot;
    }

    /// <summary>Deletes the index folder.</summary>
    public void Dispose()
    {
        Snapshot.Dispose();
        _scratch.Dispose();
    }
}
