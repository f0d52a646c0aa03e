using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// The fourteen sample documents extracted and indexed once per test class, with a small RAM
/// buffer so the index has several segments (searches must work across segment boundaries).
/// </summary>
public sealed class SampleIndex : IDisposable
{
    private readonly TempFolder _folder = new("ss-samples");

    public SampleIndex()
    {
        var extractor = new ConclusionExtractor();
        var samples = TestCorpus.SampleFiles();
        using (var writer = IndexWriter.Open(Path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = 150_000 }))
        {
            foreach (var file in samples)
            {
                writer.AddDocument(ConclusionIndexDocument.From(extractor.ExtractFile(file)));
            }

            writer.Commit();
        }

        Snapshot = IndexSnapshot.Open(new IndexDirectory(Path));
        Searcher = ConclusionSearcher.Open(Snapshot);
        DocumentCount = samples.Count;
    }

    public string Path => _folder.Path;

    public IndexSnapshot Snapshot { get; }

    public IndexSearcher Searcher { get; }

    public int DocumentCount { get; }

    /// <summary>The ids of the hits of <paramref name="query"/>, best first.</summary>
    public List<string> Ids(string query, int size = 20) =>
        Searcher.Search(new SearchRequest { Query = query, Size = size }).Hits.Select(h => h.Id).ToList();

    public void Dispose()
    {
        Snapshot.Dispose();
        _folder.Dispose();
    }
}
