namespace SearchService.Indexer.Commands;

/// <summary>Nearest-rank percentiles, the definition the peers of ../shared/bench use, so our figures compare with theirs.</summary>
internal static class LatencyPercentile
{
    /// <summary>The <paramref name="percent"/>-th percentile of <paramref name="sorted"/> (ascending); NaN when empty.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Max(1, (int)Math.Ceiling(percent / 100 * sorted.Count)) - 1];
}
