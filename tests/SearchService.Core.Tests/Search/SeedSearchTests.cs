using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Search;

/// <summary>Searches over the five real seed documents together with the samples (skipped where ../shared is absent).</summary>
public sealed class SeedSearchTests
{
    [SeedFact]
    public void Real_documents_are_found_by_code_abbreviation_and_accentless_words()
    {
        using var folder = new TempFolder("ss-seeds");
        var path = folder.Path;
        var extractor = new ConclusionExtractor();
        var ids = new Dictionary<string, string>();
        using (var writer = IndexWriter.Open(path, ConclusionFields.Schema))
        {
            foreach (var file in Directory.GetFiles(TestCorpus.SeedDirectory!).Order(StringComparer.Ordinal))
            {
                var record = extractor.ExtractFile(file);
                ids[Path.GetFileName(file)[..3]] = record.Id;
                writer.AddDocument(ConclusionIndexDocument.From(record));
            }

            writer.Commit();
        }

        var searcher = ConclusionSearcher.Open(IndexSnapshot.Open(new IndexDirectory(path)));
        List<string> Search(string query) => [.. searcher.Search(new SearchRequest { Query = query, Size = 10 }).Hits.Select(h => h.Id)];

        // 18-NQ/TU is cited by the Từ Sơn conclusion only; typed four ways it comes first.
        foreach (var query in new[] { "18-NQ/TU", "18-nq/tu", "NQ 18", "nghị quyết 18" })
        {
            Assert.Equal(ids["000"], Search(query)[0]);
        }

        // 000 writes only "GPMB", 002 only the spelled phrase; each form finds both.
        Assert.Contains(ids["000"], Search("giải phóng mặt bằng"));
        Assert.Contains(ids["002"], Search("GPMB"));
        Assert.Equal(Search("chuyển đổi số").Order(), Search("chuyen doi so").Order());
        Assert.Contains(ids["003"], Search("\"chuyen doi so\""));
    }
}
