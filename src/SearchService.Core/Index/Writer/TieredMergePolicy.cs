namespace SearchService.Core.Index.Writer;

/// <summary>
/// Decides which segments to merge. Segments are put in tiers by live size — tier k holds the
/// segments of about <see cref="FloorDocs"/> × <see cref="SegmentsPerTier"/>^k documents — and a
/// tier that has gathered <see cref="SegmentsPerTier"/> segments is merged into one segment of the
/// next tier. An index of n documents so keeps about SegmentsPerTier × log(n) segments, and each
/// document is rewritten about log(n) times over its life, the same trade as Lucene's tiered
/// policy without its cost model. A segment with more than <see cref="MaxDeletedRatio"/> of its
/// documents deleted is rewritten on its own, so deletes do not hold disk and slow searches for
/// ever.
/// </summary>
public sealed record TieredMergePolicy
{
    /// <summary>Segments a tier may gather before they are merged (default 10).</summary>
    public int SegmentsPerTier { get; init; } = 10;

    /// <summary>Segments smaller than this count as this size, so tiny flushes share the lowest tier (default 1,000 documents).</summary>
    public int FloorDocs { get; init; } = 1_000;

    /// <summary>The share of deleted documents above which a segment is rewritten alone (default 0.3).</summary>
    public double MaxDeletedRatio { get; init; } = 0.3;

    /// <summary>
    /// The merge to run next for segments with the given (live, max) document counts, as indexes
    /// into that list, or an empty list when the index is in shape.
    /// </summary>
    public IReadOnlyList<int> FindMerge(IReadOnlyList<(int Live, int MaxDoc)> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var (live, maxDoc) = segments[i];
            if (maxDoc >= FloorDocs && maxDoc - live > MaxDeletedRatio * maxDoc)
            {
                return [i];
            }
        }

        var tiers = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < segments.Count; i++)
        {
            var tier = TierOf(segments[i].Live);
            if (!tiers.TryGetValue(tier, out var members))
            {
                tiers[tier] = members = [];
            }

            members.Add(i);
        }

        foreach (var members in tiers.Values)
        {
            if (members.Count >= SegmentsPerTier)
            {
                members.Sort((a, b) => segments[a].Live != segments[b].Live ? segments[a].Live.CompareTo(segments[b].Live) : a.CompareTo(b));
                var chosen = members.GetRange(0, SegmentsPerTier);
                chosen.Sort();
                return chosen;
            }
        }

        return [];
    }

    /// <summary>The merge that brings the index to at most <paramref name="maxSegments"/> segments: the smallest ones, merged at once.</summary>
    public IReadOnlyList<int> FindForcedMerge(IReadOnlyList<(int Live, int MaxDoc)> segments, int maxSegments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        if (segments.Count <= maxSegments)
        {
            // Already few enough; still rewrite a lone segment that carries deletes.
            return maxSegments == 1 && segments.Count == 1 && segments[0].Live < segments[0].MaxDoc ? [0] : [];
        }

        var order = Enumerable.Range(0, segments.Count).OrderBy(i => segments[i].Live).ThenBy(i => i).ToList();
        var chosen = order.Take(segments.Count - maxSegments + 1).Order().ToList();
        return chosen;
    }

    private int TierOf(int liveDocs)
    {
        var size = Math.Max(liveDocs, FloorDocs) / (double)FloorDocs;
        return (int)Math.Floor(Math.Log(size) / Math.Log(SegmentsPerTier));
    }
}
