using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Catalog.Answering;

/// <summary>A request asked again on the same snapshot gets the answer kept for it; a write makes the next answer fresh.</summary>
public sealed class AnswerCacheTests
{
    [Fact]
    public void The_same_request_on_the_same_snapshot_is_answered_from_the_cache_and_another_page_is_not()
    {
        using var index = TestIndex.OfSamples();
        var answerer = new ConclusionSearchAnswerer(new FacetCache(8), new AnswerCache(8));
        var request = new SearchRequest { Query = "nông thôn", Size = 2 };

        var first = answerer.Answer(index.Searcher, request);
        var again = answerer.Answer(index.Searcher, request);
        var next = answerer.Answer(index.Searcher, request with { Page = 2 });

        Assert.Same(first.Result, again.Result);
        Assert.NotSame(first.Result, next.Result);
        Assert.Empty(first.Result.Hits.Select(h => h.Id).Intersect(next.Result.Hits.Select(h => h.Id)));
    }

    [Fact]
    public void After_a_write_the_answer_counts_the_new_document()
    {
        using var index = TestIndex.OfSamples();
        var answerer = new ConclusionSearchAnswerer(new FacetCache(8), new AnswerCache(8));
        var request = new SearchRequest { Query = "nông thôn" };
        var before = answerer.Answer(index.Searcher, request);

        var matching = index.Records.Single(r => r.Id == before.Result.Hits[0].Id);

        index.Change(writer => writer.AddDocument(ConclusionIndexDocument.From(matching with { Id = "a-new-copy" })));
        var after = answerer.Answer(index.Searcher, request);

        Assert.True(before.Result.TotalIsExact);
        Assert.Equal(before.Result.Total + 1, after.Result.Total);
    }
}
