using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

/// <summary>
/// Merges may be bounded in how fast they write (<see cref="IndexWriterOptions.MergeWriteMBPerSecond"/>);
/// a bounded merge must still make the same index, and a bound that could never write is refused up front.
/// How fast is the benchmarks' business (<c>merge --max-mb-per-sec</c>, <c>bench search --seconds</c>), not a test's.
/// </summary>
public sealed class MergeWriteRateTests : IDisposable
{
    private static readonly IndexSchema Schema = new(
    [
        new FieldDefinition("id", FieldKind.Keyword),
        new FieldDefinition("title", FieldKind.Text),
    ]);

    private readonly TempFolder _scratch = new("ss-merge-rate");

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData(0.0, null)]
    [InlineData(-5.0, null)]
    [InlineData(null, 0.0)]
    [InlineData(null, double.NaN)]
    public void A_write_rate_that_is_not_positive_is_refused_when_the_writer_opens_naming_the_setting(double? background, double? forced)
    {
        var options = new IndexWriterOptions { MergeWriteMBPerSecond = background, ForceMergeWriteMBPerSecond = forced };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IndexWriter.Open(_scratch.Path, Schema, options));
        Assert.Contains(background is not null ? "MergeWriteMBPerSecond" : "ForceMergeWriteMBPerSecond", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_scratch.Path, IndexWriteLock.FileName)), "nothing is left behind");
    }

    [Fact]
    public void A_merge_bounded_in_write_rate_makes_an_index_with_every_document()
    {
        var options = new IndexWriterOptions
        {
            RamBufferBytes = 20_000,
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 3, FloorDocs = 5 },
            MergeWriteMBPerSecond = 5,
            ForceMergeWriteMBPerSecond = 5,
        };
        using (var writer = IndexWriter.Open(_scratch.Path, Schema, options))
        {
            for (var i = 0; i < 300; i++)
            {
                writer.AddDocument(new IndexDocument().Add("id", $"d{i}").Add("title", $"kết luận số {i} của ban thường vụ"));
            }

            writer.Commit();
            writer.WaitForMerges();
            Assert.Null(writer.MergeError);
            Assert.True(writer.Statistics.Merges > 0, "the small buffer made segments enough to merge in the background");
            writer.ForceMerge(1);
            writer.Commit();
        }

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        var segment = Assert.Single(snapshot.Segments);
        Assert.Equal(300, segment.LiveCount);
        Assert.Equal(
            Enumerable.Range(0, 300).Select(i => $"d{i}").Order(StringComparer.Ordinal),
            Enumerable.Range(0, segment.MaxDoc).Select(d => (string)segment.Document(d).Single(v => v.Field == "id").Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Merges_that_fall_behind_the_flushes_are_allowed_to_write_faster_and_still_keep_every_document()
    {
        // A tiny buffer flushes every few documents while a very low rate holds each merge back,
        // so tiers fill up behind the running merge.
        var options = new IndexWriterOptions
        {
            RamBufferBytes = 8_000,
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 3, FloorDocs = 2 },
            MergeWriteMBPerSecond = 0.05,
        };
        using (var writer = IndexWriter.Open(_scratch.Path, Schema, options))
        {
            for (var i = 0; i < 400; i++)
            {
                writer.AddDocument(new IndexDocument().Add("id", $"d{i}").Add("title", $"kết luận số {i} của ban thường vụ về chương trình chuyển đổi số"));
            }

            Assert.True(writer.Statistics.MergeWriteMBPerSecondHighest > 0.05, $"the rate rose above its floor (highest {writer.Statistics.MergeWriteMBPerSecondHighest} MB/s)");
            Assert.True(writer.Statistics.MergeWriteMBPerSecondHighest <= 0.05 * AdaptiveMergeRate.CeilingFactor + 1e-9, "and no higher than its ceiling");
            writer.WaitForMerges();
            writer.Commit();
            Assert.Null(writer.MergeError);
        }

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        Assert.Equal(
            Enumerable.Range(0, 400).Select(i => $"d{i}").Order(StringComparer.Ordinal),
            snapshot.Segments.SelectMany(s => Enumerable.Range(0, s.MaxDoc).Where(d => !s.IsDeleted(d)).Select(d => (string)s.Document(d).Single(v => v.Field == "id").Value)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_merge_rate_rises_by_steps_to_its_ceiling_and_eases_back_to_its_floor_never_below()
    {
        var rate = new AdaptiveMergeRate(20);
        Assert.Equal(20, rate.Limiter.MegabytesPerSecond, 6);
        rate.KeptUp();
        Assert.Equal(20, rate.Current, 6);

        var seen = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            rate.FellBehind();
            seen.Add(rate.Current);
        }

        Assert.True(seen[0] > 20 && seen[0] < 20 * AdaptiveMergeRate.CeilingFactor, "one step, not a jump to the ceiling");
        Assert.Equal(20 * AdaptiveMergeRate.CeilingFactor, seen[^1], 6);
        Assert.Equal(20 * AdaptiveMergeRate.CeilingFactor, rate.Highest, 6);
        Assert.Equal(rate.Current, rate.Limiter.MegabytesPerSecond, 6);

        for (var i = 0; i < 30; i++)
        {
            rate.KeptUp();
        }

        Assert.Equal(20, rate.Current, 6);
        Assert.Equal(20 * AdaptiveMergeRate.CeilingFactor, rate.Highest, 6);
    }
}
