using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SearchService.Core.Search.Queries;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search;

/// <summary>
/// What searches of one snapshot work out once and share: field statistics and the keyword
/// fields' values grouped by their case- and accent-free form. Segments never change, so nothing
/// here goes stale while the snapshot lives; concurrent searches fill it safely.
/// </summary>
internal sealed class SnapshotCache
{
    public ConcurrentDictionary<string, FieldStatistics> Statistics { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string[]>> KeywordsByKey { get; } = new(StringComparer.Ordinal);

    /// <summary>Each query's rewritten form (prefixes and fuzzy terms expanded against this snapshot), by the query object: a request's admission, search, snippets and facets rewrite it once.</summary>
    public ConditionalWeakTable<Query, Query> Rewritten { get; } = [];

    /// <summary>The index terms each query matches, by the query object.</summary>
    public ConditionalWeakTable<Query, IReadOnlyDictionary<string, IReadOnlyList<string>>> MatchedTerms { get; } = [];
}
