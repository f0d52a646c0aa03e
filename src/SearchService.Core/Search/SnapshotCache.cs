using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Parsing;
using SearchService.Core.Search.Queries;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search;

/// <summary>
/// What searches of one snapshot work out once and share: field statistics, the keyword fields'
/// values grouped by their case- and accent-free form, the queries built from request texts and
/// their rewrites. Segments never change, so nothing here goes stale while the snapshot lives;
/// concurrent searches fill it safely. One cache serves every searcher opened on the snapshot with
/// the same parser options, similarity and limits (a service opens a searcher per request: the
/// statistics, a scan of every document's norms, are not worked out again each time).
/// </summary>
internal sealed class SnapshotCache
{
    private static readonly ConditionalWeakTable<IndexSnapshot, ConcurrentDictionary<(QueryParserOptions, Bm25Similarity, SearchLimits), SnapshotCache>> BySnapshot = new();

    /// <summary>The cache shared by searchers of <paramref name="snapshot"/> that parse, score and bound alike.</summary>
    public static SnapshotCache For(IndexSnapshot snapshot, QueryParserOptions parser, Bm25Similarity similarity, SearchLimits limits)
    {
        var caches = BySnapshot.GetValue(snapshot, static _ => new());
        if (caches.Count >= 16 && !caches.ContainsKey((parser, similarity, limits)))
        {
            caches.Clear(); // callers that make new options for every search share nothing anyway
        }

        return caches.GetOrAdd((parser, similarity, limits), static _ => new SnapshotCache());
    }

    /// <summary>The queries built from requests (the text, filters and which parser, see <see cref="IndexSearcher.BuildQuery(PageRequest)"/>): the same object each time, so its rewrite and matched terms are cached too.</summary>
    public Dictionary<(string Text, bool Lenient, string Filters, bool AllWords, bool Sideways), Query> Built { get; } = [];

    /// <summary>Guards <see cref="Built"/>.</summary>
    public Lock BuiltGate { get; } = new();

    public ConcurrentDictionary<string, FieldStatistics> Statistics { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string[]>> KeywordsByKey { get; } = new(StringComparer.Ordinal);

    /// <summary>Each query's rewritten form (prefixes and fuzzy terms expanded against this snapshot), by the query object: a request's admission, search, snippets and facets rewrite it once.</summary>
    public ConditionalWeakTable<Query, Query> Rewritten { get; } = [];

    /// <summary>The index terms each query matches, by the query object.</summary>
    public ConditionalWeakTable<Query, IReadOnlyDictionary<string, IReadOnlyList<string>>> MatchedTerms { get; } = [];
}
