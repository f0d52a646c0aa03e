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
    private readonly SnapshotLru<IReadOnlyList<FacetResult>> _lists;

    /// <summary>A cache of <paramref name="capacity"/> entries a snapshot (0 keeps nothing).</summary>
    public FacetCache(int capacity) => _lists = new(capacity);

    /// <summary>Entries kept per snapshot.</summary>
    public int Capacity => _lists.Capacity;

    /// <summary>The facet lists cached under <paramref name="key"/> for <paramref name="snapshot"/>, if any.</summary>
    public bool TryGet(IndexSnapshot snapshot, string key, out IReadOnlyList<FacetResult> facets)
    {
        var found = _lists.TryGet(snapshot, key, out var known);
        facets = known ?? [];
        return found;
    }

    /// <summary>Keeps <paramref name="facets"/> under <paramref name="key"/> for <paramref name="snapshot"/>.</summary>
    public void Add(IndexSnapshot snapshot, string key, IReadOnlyList<FacetResult> facets) => _lists.Add(snapshot, key, facets);
}
