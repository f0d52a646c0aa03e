using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using SearchService.Core.Search;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search.Facets;
using SearchService.Core.Search.Highlighting;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// Puts a result page together from the search parts: the ranked page from
/// <see cref="IndexSearcher"/>, snippets from the <see cref="Highlighter"/> over each hit's stored
/// body with the terms the query matched, and facet counts for locality, province (on the
/// document's date and today's), level, type, year and cited code over all matches, counted in
/// the pass that ranks the hits, drill-sideways (a facet's own filter is left out of its counts,
/// so picking "Từ Sơn" still shows the other localities to switch to).
/// </summary>
public sealed class ConclusionSearchAnswerer
{
    /// <summary>The facet fields, in the order a page shows them.</summary>
    public static readonly IReadOnlyList<string> FacetFields =
        [ConclusionFields.Locality, ConclusionFields.Province, ConclusionFields.CurrentProvince, ConclusionFields.Level, ConclusionFields.Type, ConclusionFields.Year, ConclusionFields.Code];

    private readonly Highlighter _highlighter = new(VietnameseHighlightAnalysis.Indexing);

    // What a hit of a page needs from its stored document: its title and the body its snippets
    // come from (not the record's JSON, which shares the body's compressed stream but is not decoded).
    private static readonly Func<string, bool> SnippetFields = static f => f is ConclusionFields.Title or ConclusionFields.Body;

    /// <summary>An answerer that computes everything afresh for each request (the CLI, evaluations).</summary>
    public ConclusionSearchAnswerer()
        : this(new FacetCache(0))
    {
    }

    /// <summary>
    /// An answerer that keeps facet lists per snapshot in <paramref name="cache"/>, and whole
    /// answers in <paramref name="answers"/> when given (a service answering many requests).
    /// </summary>
    public ConclusionSearchAnswerer(FacetCache cache, AnswerCache? answers = null)
    {
        Cache = cache ?? throw new ArgumentNullException(nameof(cache));
        Answers = answers ?? new AnswerCache(0);
    }

    /// <summary>Facet lists kept per snapshot.</summary>
    public FacetCache Cache { get; }

    /// <summary>Whole answers kept per snapshot.</summary>
    public AnswerCache Answers { get; }

    /// <summary>
    /// The answer kept for <paramref name="request"/> on <paramref name="searcher"/>'s snapshot, if
    /// it was asked before (a lookup: a caller can skip queueing a costly search for it).
    /// </summary>
    public bool TryCached(IndexSearcher searcher, SearchRequest request, SearchAnswerOptions? options, [NotNullWhen(true)] out SearchAnswer? answer)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        if (Answers.TryGet(searcher.Snapshot, request, options ?? new SearchAnswerOptions(), out var kept))
        {
            answer = kept with { TookMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds };
            return true;
        }

        answer = null;
        return false;
    }

    /// <summary>Answers <paramref name="request"/> with <paramref name="searcher"/>'s snapshot.</summary>
    public SearchAnswer Answer(IndexSearcher searcher, SearchRequest request, SearchAnswerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(request);
        options ??= new SearchAnswerOptions();
        if (TryCached(searcher, request, options, out var known))
        {
            return known;
        }

        var started = Stopwatch.GetTimestamp();

        // Facets are counted in the pass that ranks the hits, over the matches of the query that
        // produced them (the any-word form when the words were relaxed), unless this snapshot
        // already counted them for the same query and filters (a repeated search, a next page).
        // The query's text form keys them: the words, filters and history as parsed, and whether
        // words may relax, decide which query answers.
        string? key = null;
        IReadOnlyList<FacetResult>? cached = null;
        if (options.Facets)
        {
            key = $"{searcher.BuildQuery(request)}|{request.RelaxToAnyWord}|{options.FacetSize}";
            cached = Cache.TryGet(searcher.Snapshot, key, out var lists) ? lists : null;
        }

        var search = options.Facets && cached is null ? request with { Facets = [.. FacetFields.Select(f => new FacetRequest(f, options.FacetSize))] } : request with { Facets = [] };
        SearchResult result;
        List<IReadOnlyList<string>> snippets;
        if (options.Snippets)
        {
            // Each hit's stored document is read once, for its title and its snippets.
            result = searcher.Search(search with { ReadStoredFields = false });
            (result, snippets) = TitlesAndSnippets(searcher, request, result);
        }
        else
        {
            result = searcher.Search(search);
            snippets = result.Hits.Select(_ => (IReadOnlyList<string>)[]).ToList();
        }

        IReadOnlyList<FacetResult> facets = [];
        if (options.Facets)
        {
            facets = cached ?? result.Facets;
            if (cached is null)
            {
                Cache.Add(searcher.Snapshot, key!, facets);
            }
        }

        var answer = new SearchAnswer(result, snippets, facets, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Answers.Add(searcher.Snapshot, request, options, answer);
        return answer;
    }

    private (SearchResult Result, List<IReadOnlyList<string>> Snippets) TitlesAndSnippets(IndexSearcher searcher, SearchRequest request, SearchResult result)
    {
        var terms = searcher.MatchedTerms(searcher.BuildQuery(request, result.MatchStrategy));
        var bodyTerms = terms.TryGetValue(ConclusionFields.Body, out var body) ? body : [];
        var hits = new List<SearchHit>(result.Hits.Count);
        var snippets = new List<IReadOnlyList<string>>(result.Hits.Count);
        foreach (var hit in result.Hits)
        {
            var stored = searcher.Document(hit.Doc, SnippetFields);
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
}
