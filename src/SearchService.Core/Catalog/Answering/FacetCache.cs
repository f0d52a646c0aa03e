using System.Collections;
using System.Runtime.CompilerServices;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Facets;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// Facet work kept per snapshot, where it pays: the match sets of queries and filters (a query's
/// unfiltered matches serve every filter a user then clicks, and every page of it), and the
/// finished facet lists of whole requests (a repeated search, a next page). A snapshot never
/// changes, so nothing cached for it can go stale; the cache dies with the snapshot. Each
/// snapshot keeps at most <see cref="Capacity"/> entries of each kind, least recently used out.
/// </summary>
public sealed class FacetCache
{
    private readonly ConditionalWeakTable<IndexSnapshot, Entries> _bySnapshot = new();

    /// <summary>A cache of <paramref name="capacity"/> entries a snapshot (0 keeps nothing).</summary>
    public FacetCache(int capacity) => Capacity = Math.Max(0, capacity);

    /// <summary>Entries of each kind kept per snapshot.</summary>
    public int Capacity { get; }

    /// <summary>The match set cached under <paramref name="key"/>, or the one <paramref name="compute"/> makes (and caches).</summary>
    public IReadOnlyList<BitArray> Matches(IndexSnapshot snapshot, string key, Func<IReadOnlyList<BitArray>> compute) =>
        Capacity == 0 ? compute() : _bySnapshot.GetValue(snapshot, _ => new Entries(Capacity)).MatchSets.GetOrAdd(key, compute);

    /// <summary>The facet lists cached under <paramref name="key"/>, or the ones <paramref name="compute"/> makes (and caches).</summary>
    public IReadOnlyList<FacetResult> Facets(IndexSnapshot snapshot, string key, Func<IReadOnlyList<FacetResult>> compute) =>
        Capacity == 0 ? compute() : _bySnapshot.GetValue(snapshot, _ => new Entries(Capacity)).FacetLists.GetOrAdd(key, compute);

    private sealed class Entries(int capacity)
    {
        public Lru<IReadOnlyList<BitArray>> MatchSets { get; } = new(capacity);

        public Lru<IReadOnlyList<FacetResult>> FacetLists { get; } = new(capacity);
    }

    /// <summary>A small least-recently-used map; computing happens outside the lock (two threads may both compute a missing key once).</summary>
    private sealed class Lru<T>(int capacity)
        where T : class
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, T Value)>> _map = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Key, T Value)> _order = new();
        private readonly Lock _gate = new();

        public T GetOrAdd(string key, Func<T> compute)
        {
            lock (_gate)
            {
                if (_map.TryGetValue(key, out var node))
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                    return node.Value.Value;
                }
            }

            var value = compute();
            lock (_gate)
            {
                if (!_map.ContainsKey(key))
                {
                    _map[key] = _order.AddFirst((key, value));
                    if (_map.Count > capacity)
                    {
                        _map.Remove(_order.Last!.Value.Key);
                        _order.RemoveLast();
                    }
                }
            }

            return value;
        }
    }
}
