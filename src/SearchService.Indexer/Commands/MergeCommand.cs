using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Index.Writer;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>merge [--index DIR] [--max-segments N] [--max-mb-per-sec R]</c>: merges the index down to at
/// most N segments (default 1), dropping deleted documents for good, and commits; with R, writing
/// at most R MB a second (for a merge beside a serving index). Searches get faster with fewer
/// segments; the index must not be open for writing elsewhere meanwhile.
/// </summary>
public static class MergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var index = IndexOptions.IndexDirectory();
        var maxSegments = new Option<int>("--max-segments") { Description = "Segments to leave at most.", DefaultValueFactory = _ => 1 };
        var rate = new Option<double?>("--max-mb-per-sec") { Description = "Write at most this many MB a second (default: as fast as it can)." };
        var command = new Command("merge", "Merge the index's segments (default: into one) and reclaim deleted documents.") { index, maxSegments, rate };
        command.SetAction(parse => Run(parse.GetValue(index)!, parse.GetValue(maxSegments), parse.GetValue(rate)));
        return command;
    }

    private static int Run(string path, int maxSegments, double? rate)
    {
        if (maxSegments < 1)
        {
            Console.Error.WriteLine("error: --max-segments must be at least 1.");
            return 2;
        }

        if (rate is <= 0)
        {
            Console.Error.WriteLine("error: --max-mb-per-sec must be more than 0.");
            return 2;
        }

        if (IndexOptions.Missing(path))
        {
            return IndexOptions.ReportMissing(path);
        }

        return IndexOptions.WithWriter(path, new IndexWriterOptions { ForceMergeWriteMBPerSecond = rate }, writer =>
        {
            var before = writer.SegmentCount;
            var stopwatch = Stopwatch.StartNew();
            writer.ForceMerge(maxSegments);
            var commit = writer.Commit();
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"merged {before} segments into {writer.SegmentCount} in {stopwatch.Elapsed.TotalSeconds:0.0} s (stored-fields chunks: {writer.Statistics.MergeChunksCopied} copied, {writer.Statistics.MergeChunksCompressed} compressed; paused {writer.Statistics.MergeThrottleTime.TotalSeconds:0.0} s for the write rate); committed generation {commit.Generation}: {writer.LiveCount} documents"));
            return 0;
        });
    }
}
