using System.Runtime.CompilerServices;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Facets;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// Finished facet lists kept per snapshot, where they pay: a repeated search or its next page
/// finds its facets here and ranks its page with block-max skipping, instead of visiting every
/// match to count them again. A snapshot never changes, so nothing cached for it can go stale;
/// the cache dies with the snapshot. Each snapshot keeps at most <see cref="Capacity"/> lists,
/// least recently used out.
/// </summary>
public sealed class FacetCache
{
    private readonly ConditionalWeakTable<IndexSnapshot, Lru> _bySnapshot = new();

    /// <summary>A cache of <paramref name="capacity"/> entries a snapshot (0 keeps nothing).</summary>
    public FacetCache(int capacity) => Capacity = Math.Max(0, capacity);

    /// <summary>Entries kept per snapshot.</summary>
    public int Capacity { get; }

    /// <summary>The facet lists cached under <paramref name="key"/> for <paramref name="snapshot"/>, if any.</summary>
    public bool TryGet(IndexSnapshot snapshot, string key, out IReadOnlyList<FacetResult> facets)
    {
        facets = [];
        return Capacity > 0 && _bySnapshot.TryGetValue(snapshot, out var lru) && lru.TryGet(key, out facets);
    }

    /// <summary>Keeps <paramref name="facets"/> under <paramref name="key"/> for <paramref name="snapshot"/>.</summary>
    public void Add(IndexSnapshot snapshot, string key, IReadOnlyList<FacetResult> facets)
    {
        if (Capacity > 0)
        {
            _bySnapshot.GetValue(snapshot, _ => new Lru(Capacity)).Add(key, facets);
        }
    }

    /// <summary>A small least-recently-used map.</summary>
    private sealed class Lru(int capacity)
    {
        private readonly Dictionary<string, LinkedListNode<(string Key, IReadOnlyList<FacetResult> Value)>> _map = new(StringComparer.Ordinal);
        private readonly LinkedList<(string Key, IReadOnlyList<FacetResult> Value)> _order = new();
        private readonly Lock _gate = new();

        public bool TryGet(string key, out IReadOnlyList<FacetResult> value)
        {
            lock (_gate)
            {
                if (_map.TryGetValue(key, out var node))
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                    value = node.Value.Value;
                    return true;
                }
            }

            value = [];
            return false;
        }

        public void Add(string key, IReadOnlyList<FacetResult> value)
        {
            lock (_gate)
            {
                if (_map.ContainsKey(key))
                {
                    return; // two requests counted the same facets at once: keep the first
                }

                _map[key] = _order.AddFirst((key, value));
                if (_map.Count > capacity)
                {
                    _map.Remove(_order.Last!.Value.Key);
                    _order.RemoveLast();
                }
            }
        }
    }
}
