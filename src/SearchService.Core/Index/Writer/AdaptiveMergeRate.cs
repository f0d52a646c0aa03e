using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// The write rate of background merges. It starts at the configured floor
/// (<see cref="IndexWriterOptions.MergeWriteMBPerSecond"/>), which keeps a merge from taking the
/// cores and the disk from searches. But merges run one at a time: at a fixed rate a long build
/// outpaces them (at a million documents and 20 MB/s, 41 segments were left at the end where the
/// tiers allow about 23), and searches over piled-up segments cost more than a faster merge. So
/// each flush that finds a whole tier waiting behind the running merge raises the rate by a
/// quarter, up to <see cref="CeilingFactor"/> times the floor, and each flush that finds nothing
/// to merge lowers it by a fifth, back down to the floor. One limiter serves every background
/// merge, so a raise speeds up the merge already running.
/// </summary>
public sealed class AdaptiveMergeRate
{
    /// <summary>How far above the floor the rate may rise.</summary>
    public const double CeilingFactor = 10;

    private const double Raise = 1.25;
    private const double Lower = 0.8;

    /// <summary>A rate that starts at and never falls below <paramref name="floorMBPerSecond"/>.</summary>
    public AdaptiveMergeRate(double floorMBPerSecond)
    {
        Limiter = new WriteRateLimiter(floorMBPerSecond);
        Floor = floorMBPerSecond;
        Highest = floorMBPerSecond;
    }

    /// <summary>The limiter the background merges write through.</summary>
    public WriteRateLimiter Limiter { get; }

    /// <summary>The lowest rate, in MB a second: the one merges keep while they keep up.</summary>
    public double Floor { get; }

    /// <summary>The rate now, in MB a second.</summary>
    public double Current => Limiter.MegabytesPerSecond;

    /// <summary>The highest rate reached so far, in MB a second.</summary>
    public double Highest { get; private set; }

    /// <summary>A flush found merges waiting behind the running one: write faster.</summary>
    public void FellBehind()
    {
        var rate = Math.Min(Current * Raise, Floor * CeilingFactor);
        Limiter.MegabytesPerSecond = rate;
        Highest = Math.Max(Highest, rate);
    }

    /// <summary>A flush found nothing to merge: ease back towards the floor.</summary>
    public void KeptUp() => Limiter.MegabytesPerSecond = Math.Max(Current * Lower, Floor);
}
