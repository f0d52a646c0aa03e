using System.Collections;
using System.Diagnostics;
using SearchService.Core.Search;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search.Facets;
using SearchService.Core.Search.Highlighting;
using Queries = SearchService.Core.Search.Queries;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// Puts a result page together from the search parts: the ranked page from
/// <see cref="IndexSearcher"/>, snippets from the <see cref="Highlighter"/> over each hit's stored
/// body with the terms the query matched, and facet counts for locality, province (on the
/// document's date and today's), level, type, year and cited code over all matches, drill-sideways (a facet's own filter is left out of its
/// counts, so picking "Từ Sơn" still shows the other localities to switch to).
/// </summary>
public sealed class ConclusionSearchAnswerer
{
    /// <summary>The facet fields, in the order a page shows them.</summary>
    public static readonly IReadOnlyList<string> FacetFields =
        [ConclusionFields.Locality, ConclusionFields.Province, ConclusionFields.CurrentProvince, ConclusionFields.Level, ConclusionFields.Type, ConclusionFields.Year, ConclusionFields.Code];

    private readonly Highlighter _highlighter = new(VietnameseHighlightAnalysis.Indexing);

    /// <summary>An answerer that computes everything afresh for each request (the CLI, evaluations).</summary>
    public ConclusionSearchAnswerer()
        : this(new FacetCache(0))
    {
    }

    /// <summary>An answerer that keeps facet work per snapshot in <paramref name="cache"/> (a service answering many requests).</summary>
    public ConclusionSearchAnswerer(FacetCache cache) => Cache = cache ?? throw new ArgumentNullException(nameof(cache));

    /// <summary>Facet match sets and lists kept per snapshot.</summary>
    public FacetCache Cache { get; }

    /// <summary>Answers <paramref name="request"/> with <paramref name="searcher"/>'s snapshot.</summary>
    public SearchAnswer Answer(IndexSearcher searcher, SearchRequest request, SearchAnswerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new SearchAnswerOptions();
        var started = Stopwatch.GetTimestamp();
        SearchResult result;
        List<IReadOnlyList<string>> snippets;
        if (options.Snippets)
        {
            // Each hit's stored document is read once, for its title and its snippets.
            result = searcher.Search(request with { ReadStoredFields = false });
            (result, snippets) = TitlesAndSnippets(searcher, request, result);
        }
        else
        {
            result = searcher.Search(request);
            snippets = result.Hits.Select(_ => (IReadOnlyList<string>)[]).ToList();
        }

        // Facets count the matches of the query that ran: the any-word form when the words were relaxed.
        var facets = options.Facets ? Facets(searcher, request, result.MatchStrategy, options.FacetSize) : [];
        return new SearchAnswer(result, snippets, facets, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private (SearchResult Result, List<IReadOnlyList<string>> Snippets) TitlesAndSnippets(IndexSearcher searcher, SearchRequest request, SearchResult result)
    {
        var terms = searcher.MatchedTerms(searcher.BuildQuery(request, result.MatchStrategy));
        var bodyTerms = terms.TryGetValue(ConclusionFields.Body, out var body) ? body : [];
        var hits = new List<SearchHit>(result.Hits.Count);
        var snippets = new List<IReadOnlyList<string>>(result.Hits.Count);
        foreach (var hit in result.Hits)
        {
            var stored = searcher.Document(hit.Doc);
            var text = "";
            foreach (var (field, value) in stored)
            {
                if (field == ConclusionFields.Body)
                {
                    text = (string)value;
                    break;
                }
            }

            hits.Add(hit with { Title = IndexSearcher.TitleOf(stored) });
            snippets.Add(_highlighter.Fragments(text, bodyTerms));
        }

        return (result with { Hits = hits }, snippets);
    }

    private IReadOnlyList<FacetResult> Facets(IndexSearcher searcher, SearchRequest request, MatchStrategy strategy, int size)
    {
        // The query's matches without any filter, then one match set per filtered facet field;
        // each is cached per snapshot under the query it runs, and so is the finished list.
        var unfiltered = searcher.BuildQuery(new SearchRequest { Query = request.Query, Lenient = request.Lenient }, strategy);
        var whole = $"{searcher.BuildQuery(request, strategy)}|{(request.History ? "history" : "")}|{size}";
        return Cache.Facets(searcher.Snapshot, whole, () => CountFacets(searcher, request, unfiltered, size));
    }

    private IReadOnlyList<FacetResult> CountFacets(IndexSearcher searcher, SearchRequest request, Queries.Query unfiltered, int size)
    {
        var queryMatches = Cache.Matches(searcher.Snapshot, unfiltered.ToString(), () => searcher.MatchingDocuments(unfiltered));
        var filters = new Dictionary<string, IReadOnlyList<BitArray>>(StringComparer.Ordinal);
        void Filter(string field, SearchRequest only)
        {
            var query = searcher.BuildQuery(only);
            filters[field] = Cache.Matches(searcher.Snapshot, query.ToString(), () => searcher.MatchingDocuments(query));
        }
        if (!string.IsNullOrWhiteSpace(request.Locality))
        {
            Filter(ConclusionFields.Locality, new SearchRequest { Locality = request.Locality });
        }

        if (!string.IsNullOrWhiteSpace(request.Province))
        {
            // With history the filter is on today's province, so that facet is the one it leaves
            // alone (picking "Gia Lai" still shows the other provinces of today to switch to).
            Filter(
                request.History ? ConclusionFields.CurrentProvince : ConclusionFields.Province,
                new SearchRequest { Province = request.Province, History = request.History });
        }

        if (!string.IsNullOrWhiteSpace(request.Level))
        {
            Filter(ConclusionFields.Level, new SearchRequest { Level = request.Level });
        }

        if (!string.IsNullOrWhiteSpace(request.Type))
        {
            Filter(ConclusionFields.Type, new SearchRequest { Type = request.Type });
        }

        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            Filter(ConclusionFields.Code, new SearchRequest { Code = request.Code });
        }

        if (request.From is not null || request.To is not null || request.Year is not null)
        {
            Filter(ConclusionFields.Year, new SearchRequest { From = request.From, To = request.To, Year = request.Year });
        }

        return DrillSideways.Count(searcher.Snapshot, queryMatches, filters, FacetFields.Select(f => new FacetRequest(f, size))).Facets;
    }
}
