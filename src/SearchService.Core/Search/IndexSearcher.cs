using System.Collections;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Facets;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Parsing;
using SearchService.Core.Search.Queries;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search;

/// <summary>
/// Searches one <see cref="IndexSnapshot"/>: parses query text with the caller's field table,
/// collects the top hits (block-max pruning once enough documents are counted) by relevance or a
/// numeric field, counts facets drill-sideways in the same pass when asked, pages them, reads
/// stored fields, explains scores and lists all matches per segment. It knows no schema: a
/// caller's requests become queries and filters (<see cref="PageRequest"/>), and its hits are
/// read back by field name. Immutable apart from
/// caches safe for concurrent use and shared with the other searchers of the snapshot, so one
/// searcher serves any number of threads; open a new one on a reopened snapshot.
/// </summary>
public sealed class IndexSearcher
{
    private readonly SnapshotCache _cache;
    private QueryParser? _anyWordParser;

    /// <summary>
    /// A searcher over <paramref name="snapshot"/> that parses text with <paramref name="parserOptions"/>
    /// (its fields and weights); <paramref name="cancellation"/> stops its searches (see <see cref="SearchContext.Cancellation"/>).
    /// </summary>
    public IndexSearcher(IndexSnapshot snapshot, QueryParserOptions parserOptions, Bm25Similarity? similarity = null, SearchLimits? limits = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(parserOptions);
        Snapshot = snapshot;
        Cancellation = cancellation;
        Similarity = similarity ?? Bm25Similarity.Default;
        Limits = limits ?? SearchLimits.Default;
        Parser = new QueryParser(parserOptions);
        _cache = SnapshotCache.For(snapshot, parserOptions, Similarity, Limits);
    }

    /// <summary>The snapshot searched.</summary>
    public IndexSnapshot Snapshot { get; }

    /// <summary>Stops this searcher's searches with <see cref="OperationCanceledException"/> when cancelled.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The ranking function.</summary>
    public Bm25Similarity Similarity { get; }

    /// <summary>The cost bounds.</summary>
    public SearchLimits Limits { get; }

    /// <summary>The parser of request texts.</summary>
    public QueryParser Parser { get; }

    /// <summary>A context for rewriting and weighing queries against this snapshot (sharing the searcher's per-snapshot caches).</summary>
    public SearchContext CreateContext() => new(Snapshot, Similarity, Limits, _cache) { Cancellation = Cancellation };

    /// <summary>
    /// The best <paramref name="count"/> hits of <paramref name="query"/> by relevance, or by the
    /// numeric <paramref name="sortField"/> highest first (documents without a value last), after
    /// <paramref name="after"/> when given (search-after paging). Documents are counted exactly
    /// until <paramref name="totalHitsThreshold"/>; beyond it, relevance search skips documents that
    /// cannot enter the top hits and the total becomes a lower bound.
    /// </summary>
    public TopHits Search(Query query, int count, string? sortField = null, ScoreDoc? after = null, int totalHitsThreshold = 1000)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var context = CreateContext();
        var weight = Rewrite(query, context).CreateWeight(context, 1f);
        var bySortValue = sortField is not null;
        var queue = new HitQueue(count, bySortValue);
        long total = 0;
        var exact = true;
        var minScore = 0f;
        foreach (var leaf in context.Leaves)
        {
            var scorer = weight.GetScorer(leaf);
            if (scorer is null)
            {
                continue;
            }

            var segment = leaf.Segment;
            var live = segment.LiveDocs;
            var pruning = !bySortValue && minScore > 0;
            if (pruning)
            {
                scorer.SetMinCompetitiveScore(minScore);
            }

            // The last document of a window whose bound was found competitive: checked once, not per document.
            var checkedUpTo = -1;
            var steps = 0;
            var doc = scorer.NextDoc();
            while (doc != Scorer.NoMoreDocs)
            {
                if ((++steps & 1023) == 0)
                {
                    Cancellation.ThrowIfCancellationRequested();
                }

                if (pruning && doc > checkedUpTo)
                {
                    // Skip the rest of the window when even its best document cannot enter the queue.
                    var upTo = scorer.AdvanceShallow(doc);
                    if (scorer.MaxScore(upTo) < minScore)
                    {
                        exact = false;
                        doc = upTo == Scorer.NoMoreDocs ? Scorer.NoMoreDocs : scorer.Advance(upTo + 1);
                        continue;
                    }

                    // Only a finite window is worth remembering: a global bound may tighten as the subs move on.
                    checkedUpTo = upTo == Scorer.NoMoreDocs ? doc : upTo;
                }

                if (live is null || !live.IsDeleted(doc))
                {
                    total++;
                    var hit = new ScoreDoc(leaf.DocBase + doc, scorer.Score(), bySortValue ? SortValue(segment, sortField!, doc) : 0);
                    if ((after is not { } cursor || queue.Better(cursor, hit)) && queue.Offer(hit)
                        && !bySortValue && queue.IsFull && total >= totalHitsThreshold)
                    {
                        // Scorers compare bounds computed in a different order than scores: leave a margin.
                        var weakest = queue.Weakest.Score;
                        minScore = weakest - (Math.Abs(weakest) * 1e-5f) - 1e-6f;
                        if (minScore > 0)
                        {
                            pruning = true;
                            checkedUpTo = doc; // a higher threshold may skip what the last check kept
                            scorer.SetMinCompetitiveScore(minScore);
                        }
                    }
                }

                doc = scorer.NextDoc();
            }

            exact &= minScore <= 0;
        }

        return new TopHits(total, exact, queue.Drain());
    }

    /// <summary>
    /// The best <paramref name="count"/> hits of <paramref name="query"/> AND every filter of
    /// <paramref name="dimensions"/>, like <see cref="Search(Query, int, string?, ScoreDoc?, int)"/>,
    /// and in the same pass the counts of <paramref name="facets"/> drill-sideways: the matches of
    /// <paramref name="query"/> are walked once (no skipping: every match counts, so the total is
    /// exact); a document passing every dimension is a hit and counts in every facet, one failing
    /// exactly one dimension counts only in the facet of that dimension's field.
    /// </summary>
    internal (TopHits Top, IReadOnlyList<FacetResult> Facets) SearchDrillSideways(
        Query query,
        IReadOnlyList<(string Field, Query Filter)> dimensions,
        IReadOnlyList<FacetRequest> facets,
        int count,
        string? sortField,
        ScoreDoc? after)
    {
        var context = CreateContext();
        var weight = Rewrite(query, context).CreateWeight(context, 1f);
        var filterWeights = new Weight[dimensions.Count];
        var fields = new string[dimensions.Count];
        for (var d = 0; d < filterWeights.Length; d++)
        {
            filterWeights[d] = Rewrite(dimensions[d].Filter, context).CreateWeight(context, 0f);
            fields[d] = dimensions[d].Field;
        }

        var collector = new DrillSidewaysCollector(facets, fields);
        var bySortValue = sortField is not null;
        var queue = new HitQueue(count, bySortValue);
        var filters = new Scorer?[filterWeights.Length];
        long total = 0;
        var minScore = 0f;
        foreach (var leaf in context.Leaves)
        {
            if (weight.GetScorer(leaf) is not { } scorer)
            {
                continue;
            }

            var segment = leaf.Segment;
            var live = segment.LiveDocs;
            for (var d = 0; d < filters.Length; d++)
            {
                filters[d] = filterWeights[d].GetScorer(leaf); // null: no document of the segment passes
            }

            collector.BeginSegment(segment);
            var steps = 0;
            var checkedUpTo = -1;
            var competitive = true;
            for (var doc = scorer.NextDoc(); doc != Scorer.NoMoreDocs; doc = scorer.NextDoc())
            {
                if ((++steps & 1023) == 0)
                {
                    Cancellation.ThrowIfCancellationRequested();
                }

                if (live is not null && live.IsDeleted(doc))
                {
                    continue;
                }

                // The filters move only forward, and only when asked about a document: two
                // failures settle it, so the rest are left where they are until a later document.
                var failed = -1;
                var failures = 0;
                for (var d = 0; d < filters.Length && failures < 2; d++)
                {
                    var filter = filters[d];
                    var at = filter is null ? Scorer.NoMoreDocs : filter.DocId < doc ? filter.Advance(doc) : filter.DocId;
                    if (at != doc)
                    {
                        failed = d;
                        failures++;
                    }
                }

                if (failures == 1)
                {
                    collector.Sideways(failed, doc);
                    continue;
                }

                if (failures > 1)
                {
                    continue;
                }

                total++;
                collector.Hit(doc);
                if (minScore > 0 && doc > checkedUpTo)
                {
                    // Every match is visited, but one in a window whose best score cannot enter
                    // the page is not scored: the bound is checked once a window.
                    var upTo = scorer.AdvanceShallow(doc);
                    competitive = scorer.MaxScore(upTo) >= minScore;
                    checkedUpTo = upTo == Scorer.NoMoreDocs ? doc : upTo;
                }

                if (!competitive)
                {
                    continue;
                }

                var hit = new ScoreDoc(leaf.DocBase + doc, scorer.Score(), bySortValue ? SortValue(segment, sortField!, doc) : 0);
                if ((after is not { } cursor || queue.Better(cursor, hit)) && queue.Offer(hit) && !bySortValue && queue.IsFull)
                {
                    // As in Search: a margin, since bounds are summed in another order than scores.
                    var weakest = queue.Weakest.Score;
                    var raised = weakest - (Math.Abs(weakest) * 1e-5f) - 1e-6f;
                    if (raised > minScore)
                    {
                        minScore = raised;
                        checkedUpTo = doc; // the window's bound is checked again against the higher score
                    }
                }
            }

            collector.EndSegment();
        }

        return (new TopHits(total, true, queue.Drain()), collector.Results());
    }

    /// <summary>
    /// Every live document <paramref name="query"/> matches, one bitset per snapshot segment
    /// (Length = the segment's MaxDoc, bit set = a match): what facet counting needs, all matches
    /// and not only the top hits.
    /// </summary>
    public BitArray[] MatchingDocuments(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = CreateContext();
        var weight = Rewrite(query, context).CreateWeight(context, 1f);
        var result = new BitArray[context.Leaves.Count];
        foreach (var leaf in context.Leaves)
        {
            var bits = new BitArray(leaf.Segment.MaxDoc);
            result[leaf.Ordinal] = bits;
            if (weight.GetScorer(leaf) is not { } scorer)
            {
                continue;
            }

            var live = leaf.Segment.LiveDocs;
            var steps = 0;
            for (var doc = scorer.NextDoc(); doc != Scorer.NoMoreDocs; doc = scorer.NextDoc())
            {
                if ((++steps & 1023) == 0)
                {
                    Cancellation.ThrowIfCancellationRequested();
                }

                if (live is null || !live.IsDeleted(doc))
                {
                    bits[doc] = true;
                }
            }
        }

        return result;
    }

    /// <summary>How snapshot document <paramref name="doc"/> scores for <paramref name="query"/>, or why it does not match.</summary>
    public Explanation Explain(Query query, int doc)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = CreateContext();
        var weight = Rewrite(query, context).CreateWeight(context, 1f);
        var (segment, local) = Snapshot.Locate(doc);
        foreach (var leaf in context.Leaves)
        {
            if (ReferenceEquals(leaf.Segment, segment))
            {
                return segment.IsDeleted(local) ? Explanation.NoMatch("the document is deleted") : weight.Explain(leaf, local);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(doc), doc, "document not in the snapshot");
    }

    /// <summary>The index terms <paramref name="query"/> matches, per field, for highlighting.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MatchedTerms(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _cache.MatchedTerms.GetValue(query, q => q.MatchedTerms(CreateContext()));
    }

    /// <summary>
    /// About how many documents a search of <paramref name="query"/> visits in this snapshot, summed
    /// over segments (see <see cref="Weight.Cost"/>): what it costs before block-max skipping, known
    /// before it runs.
    /// </summary>
    public long Cost(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = CreateContext();
        var weight = Rewrite(query, context).CreateWeight(context, 1f);
        long cost = 0;
        foreach (var leaf in context.Leaves)
        {
            cost += weight.Cost(leaf);
        }

        return cost;
    }

    /// <summary>The rewritten form of <paramref name="query"/>, worked out once per query object and snapshot.</summary>
    private Query Rewrite(Query query, SearchContext context) => _cache.Rewritten.GetValue(query, q => q.Rewrite(context));

    /// <summary>The stored values of snapshot document <paramref name="doc"/>.</summary>
    public IReadOnlyList<(string Field, object Value)> Document(int doc) => Document(doc, null);

    /// <summary>
    /// The stored values of snapshot document <paramref name="doc"/> a reader of the fields
    /// <paramref name="wanted"/> says yes to needs (see <see cref="SegmentReader.Document(int, Func{string, bool}?)"/>).
    /// </summary>
    public IReadOnlyList<(string Field, object Value)> Document(int doc, Func<string, bool>? wanted)
    {
        var (segment, local) = Snapshot.Locate(doc);
        return segment.Document(local, wanted);
    }

    /// <summary>
    /// Runs a page request: parses its text, adds its filters as non-scoring clauses and collects
    /// the page (or the page after the request's cursor). The request's loose words match by
    /// <see cref="Strategy"/>: a few must all be there (any of them when no document has them
    /// all), a long text is ranked over any of its words; the result says which.
    /// </summary>
    public ResultPage Search(PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var strategy = Strategy(request);
        if (strategy == MatchStrategy.AnyWordRanked)
        {
            return Run(request, BuildQuery(request, strategy), strategy);
        }

        var query = BuildQuery(request);
        var relaxed = RelaxedQuery(request);
        if (relaxed is not null && request.Cursor is { } pageToken
            && SearchCursor.Decode(pageToken).Fingerprint == SearchCursor.FingerprintOf(relaxed.ToString(), request.SortField))
        {
            // The cursor of a page of the relaxed search: stay relaxed.
            return Run(request, relaxed, MatchStrategy.AnyWordFallback);
        }

        var result = Run(request, query, MatchStrategy.AllWords);
        return result.Total == 0 && relaxed is not null && request.Cursor is null ? Run(request, relaxed, MatchStrategy.AnyWordFallback) : result;
    }

    /// <summary>
    /// How a request's words will match before it runs: <see cref="MatchStrategy.AnyWordRanked"/>
    /// for a text of more than <see cref="QueryParserOptions.AllWordsUpTo"/> content words (when
    /// the default operator is AND and the request lets words relax), else
    /// <see cref="MatchStrategy.AllWords"/>, which <see cref="Search(PageRequest)"/> relaxes to
    /// <see cref="MatchStrategy.AnyWordFallback"/> when nothing matches.
    /// </summary>
    public MatchStrategy Strategy(PageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.RelaxToAnyWord || Parser.Options.DefaultOperator != DefaultOperator.And || string.IsNullOrWhiteSpace(request.Text))
        {
            return MatchStrategy.AllWords;
        }

        return Parser.ContentWords(request.Text, request.Lenient) > Parser.Options.AllWordsUpTo ? MatchStrategy.AnyWordRanked : MatchStrategy.AllWords;
    }

    /// <summary>
    /// The any-word form of a request whose words are all required, when it has more than one: a
    /// person typing a long question should still get the documents with most of its words.
    /// </summary>
    private Query? RelaxedQuery(PageRequest request)
    {
        if (!request.RelaxToAnyWord || Parser.Options.DefaultOperator != DefaultOperator.And || string.IsNullOrWhiteSpace(request.Text))
        {
            return null;
        }

        var relaxed = BuildQuery(request, MatchStrategy.AnyWordFallback);
        return relaxed.ToString() == BuildQuery(request).ToString() ? null : relaxed;
    }

    private ResultPage Run(PageRequest request, Query query, MatchStrategy strategy)
    {
        var size = request.Size;
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ScoreDoc? after = null;
        var offset = 0;
        var fingerprint = SearchCursor.FingerprintOf(query.ToString(), request.SortField);
        if (request.Cursor is { } token)
        {
            var cursor = SearchCursor.Decode(token);
            if (cursor.Fingerprint != fingerprint)
            {
                throw new InvalidCursorException("the cursor belongs to a different query, filter set or sort");
            }

            after = cursor.After;
            if (size > Limits.MaxResultWindow)
            {
                throw new ResultWindowTooLargeException(Limits.MaxResultWindow, size);
            }
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(request.Page, 1);
            var window = ((long)(request.Page - 1) * size) + size;
            if (window > Limits.MaxResultWindow)
            {
                throw new ResultWindowTooLargeException(Limits.MaxResultWindow, (int)Math.Min(window, int.MaxValue));
            }

            offset = (request.Page - 1) * size;
        }

        TopHits top;
        IReadOnlyList<FacetResult> facets = [];
        if (request.Facets.Count > 0)
        {
            // One pass for hits and facets: the query without its facet filters, each facet
            // field's filters as one dimension.
            (top, facets) = SearchDrillSideways(BuildQuery(request, strategy, sideways: true), Dimensions(request), request.Facets, offset + size, request.SortField, after);
        }
        else
        {
            top = Search(query, offset + size, request.SortField, after, request.TotalHitsThreshold);
        }

        var hits = new List<ScoreDoc>(Math.Max(0, top.Hits.Count - offset));
        var explanations = request.Explain ? new List<Explanation>(hits.Capacity) : null;
        for (var i = offset; i < top.Hits.Count; i++)
        {
            hits.Add(top.Hits[i]);
            explanations?.Add(Explain(query, top.Hits[i].Doc));
        }

        string? next = null;
        if (hits.Count == size && size > 0)
        {
            next = new SearchCursor(fingerprint, top.Hits[^1]).Encode();
        }

        return new ResultPage(top.TotalHits, top.TotalIsExact, hits, explanations, next, query.ToString(), strategy) { Facets = facets };
    }

    /// <summary>The query a request runs with all its words required: its parsed text (match-all when empty) with its filters as filter clauses.</summary>
    public Query BuildQuery(PageRequest request) => BuildQuery(request, Parser, sideways: false);

    /// <summary>The query a request runs under <paramref name="strategy"/> (the one its result reports), for facets and highlights of the same matches.</summary>
    public Query BuildQuery(PageRequest request, MatchStrategy strategy) => BuildQuery(request, strategy, sideways: false);

    /// <summary>With <paramref name="sideways"/>, the query without the request's facet filters (what a drill-sideways pass walks).</summary>
    private Query BuildQuery(PageRequest request, MatchStrategy strategy, bool sideways)
    {
        if (strategy == MatchStrategy.AllWords || Parser.Options.DefaultOperator != DefaultOperator.And)
        {
            return BuildQuery(request, Parser, sideways);
        }

        _anyWordParser ??= new QueryParser(Parser.Options with { DefaultOperator = DefaultOperator.Or });
        return BuildQuery(request, _anyWordParser, sideways);
    }

    private Query BuildQuery(PageRequest request, QueryParser parser, bool sideways)
    {
        ArgumentNullException.ThrowIfNull(request);

        // One request asks for its query several times (admission, search, snippets, facets), and
        // requests repeat: the same object each time, so its rewrite and matched terms are worked
        // out once per snapshot too. Only
        // what the query is made of is the key, not the page, sort or cursor; filters are new
        // objects on every call, so they count by their text form.
        var filters = string.Join('\u0001', request.Filters.Select(f => f.ToString()).Concat(request.FacetFilters.Select(f => $"{f.Field}\u0002{f.Filter}")));
        var key = (request.Text ?? "", request.Lenient, filters, ReferenceEquals(parser, Parser), sideways);
        lock (_cache.BuiltGate)
        {
            if (_cache.Built.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var built = Build(request, parser, sideways);
        lock (_cache.BuiltGate)
        {
            if (_cache.Built.Count >= 256)
            {
                _cache.Built.Clear(); // a long-lived snapshot keeps only recent requests
            }

            return _cache.Built.TryAdd(key, built) ? built : _cache.Built[key];
        }
    }

    private static Query Build(PageRequest request, QueryParser parser, bool sideways)
    {
        var text = parser.Parse(request.Text ?? "", request.Lenient);
        if (request.Filters.Count == 0 && request.FacetFilters.Count == 0)
        {
            return text;
        }

        // The sideways form keeps the shape of the whole query (an empty text is a filter clause,
        // scoring 0), so both score every hit alike and a cursor from either pages the other.
        var clauses = new List<BooleanClause>(request.Filters.Count + request.FacetFilters.Count + 1) { new(text, text is MatchAllQuery ? Occur.Filter : Occur.Must) };
        foreach (var filter in request.Filters)
        {
            clauses.Add(new BooleanClause(filter, Occur.Filter));
        }

        if (!sideways)
        {
            foreach (var filter in request.FacetFilters)
            {
                clauses.Add(new BooleanClause(filter.Filter, Occur.Filter));
            }
        }

        return new BooleanQuery(clauses);
    }

    /// <summary>The request's facet filters as dimensions: one per field, its filters all required.</summary>
    private static List<(string Field, Query Filter)> Dimensions(PageRequest request)
    {
        var dimensions = new List<(string Field, List<BooleanClause> Clauses)>();
        foreach (var filter in request.FacetFilters)
        {
            var index = dimensions.FindIndex(d => d.Field == filter.Field);
            if (index < 0)
            {
                dimensions.Add((filter.Field, []));
                index = dimensions.Count - 1;
            }

            dimensions[index].Clauses.Add(new BooleanClause(filter.Filter, Occur.Filter));
        }

        return dimensions.ConvertAll(d => (d.Field, d.Clauses.Count == 1 ? d.Clauses[0].Query : (Query)new BooleanQuery(d.Clauses)));
    }

    private static long SortValue(SegmentReader segment, string field, int doc) =>
        segment.NumericValue(field, doc) ?? long.MinValue;
}
