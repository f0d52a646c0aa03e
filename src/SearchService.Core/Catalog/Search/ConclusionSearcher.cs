using System.Collections;
using System.Diagnostics;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search;
using SearchService.Core.Search.Facets;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Parsing;
using SearchService.Core.Search.Queries;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Catalog.Search;

/// <summary>
/// The engine's <see cref="IndexSearcher"/> configured for conclusions, and the conclusion
/// searches on it: a <see cref="SearchRequest"/> becomes the engine's <see cref="PageRequest"/>
/// (its locality, province, type, level, code and date filters as filter queries, date sort as
/// the sort field), and the engine's hits become <see cref="SearchHit"/>s read from the columns or
/// the stored fields.
/// </summary>
public static class ConclusionSearcher
{
    /// <summary>
    /// A searcher over a conclusion index: the conclusion parser (<see cref="ConclusionQueries.ParserOptions"/>
    /// under <paramref name="limits"/>) unless <paramref name="parserOptions"/> are given.
    /// </summary>
    public static IndexSearcher Open(IndexSnapshot snapshot, Bm25Similarity? similarity = null, SearchLimits? limits = null, QueryParserOptions? parserOptions = null, CancellationToken cancellation = default) =>
        new(snapshot, parserOptions ?? ConclusionQueries.ParserOptions with { Limits = limits ?? SearchLimits.Default }, similarity, limits, cancellation);

    extension(IndexSearcher searcher)
    {
        /// <summary>
        /// Runs a request (see <see cref="IndexSearcher.Search(PageRequest)"/> for how its words
        /// match) and reads each hit's fields.
        /// </summary>
        public SearchResult Search(SearchRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            var started = Stopwatch.GetTimestamp();
            var page = searcher.Search(PageOf(request));
            var hits = new List<SearchHit>(page.Hits.Count);
            for (var i = 0; i < page.Hits.Count; i++)
            {
                var explanation = page.Explanations?[i];
                hits.Add(request.ReadStoredFields ? ReadHit(searcher, page.Hits[i], explanation) : ReadHitFromColumns(searcher, page.Hits[i], explanation));
            }

            var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new SearchResult(page.Total, page.TotalIsExact, hits, took, page.NextCursor, page.ParsedQuery) { MatchStrategy = page.MatchStrategy, Facets = page.Facets };
        }

        /// <summary>How a request's words will match before it runs (see <see cref="IndexSearcher.Strategy(PageRequest)"/>).</summary>
        public MatchStrategy Strategy(SearchRequest request) => searcher.Strategy(PageOf(request));

        /// <summary>The query a request runs with all its words required: its parsed text (match-all when empty) with its filters as filter clauses.</summary>
        public Query BuildQuery(SearchRequest request) => searcher.BuildQuery(PageOf(request));

        /// <summary>The query a request runs under <paramref name="strategy"/> (the one its result reports), for facets and highlights of the same matches.</summary>
        public Query BuildQuery(SearchRequest request, MatchStrategy strategy) => searcher.BuildQuery(PageOf(request), strategy);

        /// <summary>Every live document a request matches (its text and its filters), one bitset per snapshot segment, for facet counts.</summary>
        public BitArray[] MatchingDocuments(SearchRequest request) => searcher.MatchingDocuments(searcher.BuildQuery(PageOf(request)));

        /// <summary>The title in a document's stored values (several values joined by a newline, as the index joins them).</summary>
        public static string TitleOf(IReadOnlyList<(string Field, object Value)> stored)
        {
            ArgumentNullException.ThrowIfNull(stored);
            var title = "";
            foreach (var (field, value) in stored)
            {
                if (field == ConclusionFields.Title)
                {
                    title = title.Length == 0 ? (string)value : title + "\n" + (string)value;
                }
            }

            return title;
        }
    }

    private static PageRequest PageOf(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new PageRequest
        {
            Text = request.Query ?? "",
            Lenient = request.Lenient,
            RelaxToAnyWord = request.RelaxToAnyWord,
            FacetFilters = Filters(request),
            Facets = request.Facets,
            SortField = request.Sort == SearchSort.Date ? ConclusionFields.Date : null,
            Page = request.Page,
            Size = request.Size,
            Cursor = request.Cursor,
            Explain = request.Explain,
            TotalHitsThreshold = request.TotalHitsThreshold,
        };
    }

    // Every filter is on a faceted field and names the facet it leaves out when counted
    // drill-sideways: a date range narrows the years, and with history a province filter is on
    // today's province, so that is the facet it leaves alone (picking "Gia Lai" still shows the
    // other provinces of today to switch to).
    private static List<FacetFilter> Filters(SearchRequest request)
    {
        var filters = new List<FacetFilter>();
        AddKeyword(filters, ConclusionFields.Locality, request.Locality);
        AddProvince(filters, request.Province, request.History);
        AddKeyword(filters, ConclusionFields.Type, request.Type);
        AddKeyword(filters, ConclusionFields.Level, request.Level);
        AddKeyword(filters, ConclusionFields.Code, request.Code);
        if (request.From is not null || request.To is not null)
        {
            filters.Add(new FacetFilter(ConclusionFields.Year, new NumericRangeQuery(ConclusionFields.Date, request.From?.DayNumber, request.To?.DayNumber)));
        }

        if (request.Year is { } year)
        {
            filters.Add(new FacetFilter(ConclusionFields.Year, new NumericRangeQuery(ConclusionFields.Year, year, year)));
        }

        return filters;
    }

    private static void AddKeyword(List<FacetFilter> filters, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            filters.Add(new FacetFilter(field, new KeywordQuery(field, value)));
        }
    }

    // With history, today's province also matches the former areas it holds, through the
    // current_province column every record carries beside the province of its date.
    private static void AddProvince(List<FacetFilter> filters, string? province, bool history)
    {
        if (string.IsNullOrWhiteSpace(province))
        {
            return;
        }

        if (!history)
        {
            AddKeyword(filters, ConclusionFields.Province, province);
            return;
        }

        filters.Add(new FacetFilter(ConclusionFields.CurrentProvince, new BooleanQuery(
        [
            new BooleanClause(new KeywordQuery(ConclusionFields.Province, province), Occur.Should),
            new BooleanClause(new KeywordQuery(ConclusionFields.CurrentProvince, province), Occur.Should),
        ])));
    }

    /// <summary>A hit from the doc-value columns only (no title): no stored-fields chunk is decompressed.</summary>
    private static SearchHit ReadHitFromColumns(IndexSearcher searcher, ScoreDoc scoreDoc, Explanation? explanation)
    {
        var (segment, local) = searcher.Snapshot.Locate(scoreDoc.Doc);
        static string? First(IReadOnlyList<string> values) => values.Count > 0 ? values[0] : null;
        var days = segment.NumericValue(ConclusionFields.Date, local);
        return new SearchHit(
            First(segment.KeywordValues(ConclusionFields.Id, local)) ?? "",
            scoreDoc.Score,
            "",
            First(segment.KeywordValues(ConclusionFields.Locality, local)),
            First(segment.KeywordValues(ConclusionFields.Province, local)),
            First(segment.KeywordValues(ConclusionFields.Level, local)),
            First(segment.KeywordValues(ConclusionFields.Type, local)),
            days is { } d ? DateOnly.FromDayNumber((int)d) : null,
            scoreDoc.Doc,
            explanation)
        {
            CurrentProvince = First(segment.KeywordValues(ConclusionFields.CurrentProvince, local)),
        };
    }

    // The stored fields a hit shows: reading them leaves the bodies in a stored-fields chunk compressed.
    private static readonly HashSet<string> HitFields =
    [
        ConclusionFields.Id, ConclusionFields.Title, ConclusionFields.Locality, ConclusionFields.Province,
        ConclusionFields.CurrentProvince, ConclusionFields.Level, ConclusionFields.Type, ConclusionFields.Date,
    ];

    private static SearchHit ReadHit(IndexSearcher searcher, ScoreDoc scoreDoc, Explanation? explanation)
    {
        var id = "";
        string? locality = null, province = null, currentProvince = null, level = null, type = null;
        DateOnly? date = null;
        var (segment, local) = searcher.Snapshot.Locate(scoreDoc.Doc);
        var stored = segment.Document(local, HitFields.Contains);
        foreach (var (field, value) in stored)
        {
            switch (field)
            {
                case ConclusionFields.Id:
                    id = (string)value;
                    break;
                case ConclusionFields.Locality:
                    locality ??= (string)value;
                    break;
                case ConclusionFields.Province:
                    province ??= (string)value;
                    break;
                case ConclusionFields.CurrentProvince:
                    currentProvince ??= (string)value;
                    break;
                case ConclusionFields.Level:
                    level ??= (string)value;
                    break;
                case ConclusionFields.Type:
                    type ??= (string)value;
                    break;
                case ConclusionFields.Date when value is long days && date is null:
                    date = DateOnly.FromDayNumber((int)days);
                    break;
            }
        }

        return new SearchHit(id, scoreDoc.Score, IndexSearcher.TitleOf(stored), locality, province, level, type, date, scoreDoc.Doc, explanation) { CurrentProvince = currentProvince };
    }
}
