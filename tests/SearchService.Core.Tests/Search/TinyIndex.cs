using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;
using SearchService.Core.Search;
using SearchService.Core.Search.Limits;

namespace SearchService.Core.Tests.Search;

/// <summary>A few hand-written documents in the conclusion schema, indexed in a temp folder, for tests that need exact control of the text.</summary>
internal sealed class TinyIndex : IDisposable
{
    private readonly TempFolder _scratch = new("ss-tiny");

    public TinyIndex(IEnumerable<TinyDocument> documents, SearchLimits? limits = null)
    {
        using (var writer = IndexWriter.Open(_scratch.Path, ConclusionFields.Schema))
        {
            foreach (var d in documents)
            {
                var document = new IndexDocument().Add(ConclusionFields.Id, d.Id).Add(ConclusionFields.Body, d.Body).Add(ConclusionFields.Type, d.Type);
                if (d.Title is not null)
                {
                    document.Add(ConclusionFields.Title, d.Title);
                }

                if (d.Locality is not null)
                {
                    document.Add(ConclusionFields.Locality, d.Locality);
                }

                foreach (var code in d.Codes ?? [])
                {
                    document.Add(ConclusionFields.Code, code);
                }

                if (d.Date is { } date)
                {
                    document.Add(ConclusionFields.Date, date.DayNumber).Add(ConclusionFields.Year, date.Year);
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        Searcher = ConclusionSearcher.Open(IndexSnapshot.Open(new IndexDirectory(_scratch.Path)), limits: limits);
    }

    public IndexSearcher Searcher { get; }

    public List<string> Ids(string query) => Searcher.Search(new SearchRequest { Query = query, Size = 100 }).Hits.Select(h => h.Id).ToList();

    public void Dispose()
    {
        _scratch.Dispose();
    }
}
