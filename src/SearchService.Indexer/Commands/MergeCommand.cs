using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Index.Writer;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>merge [--index DIR] [--max-segments N]</c>: merges the index down to at most N segments
/// (default 1), dropping deleted documents for good, and commits. Searches get faster with fewer
/// segments; the index must not be open for writing elsewhere meanwhile.
/// </summary>
public static class MergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var index = IndexOptions.IndexDirectory();
        var maxSegments = new Option<int>("--max-segments") { Description = "Segments to leave at most.", DefaultValueFactory = _ => 1 };
        var command = new Command("merge", "Merge the index's segments (default: into one) and reclaim deleted documents.") { index, maxSegments };
        command.SetAction(parse => Run(parse.GetValue(index)!, parse.GetValue(maxSegments)));
        return command;
    }

    private static int Run(string path, int maxSegments)
    {
        if (maxSegments < 1)
        {
            Console.Error.WriteLine("error: --max-segments must be at least 1.");
            return 2;
        }

        if (IndexOptions.Missing(path))
        {
            return IndexOptions.ReportMissing(path);
        }

        return IndexOptions.WithWriter(path, new IndexWriterOptions(), writer =>
        {
            var before = writer.SegmentCount;
            var stopwatch = Stopwatch.StartNew();
            writer.ForceMerge(maxSegments);
            var commit = writer.Commit();
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"merged {before} segments into {writer.SegmentCount} in {stopwatch.Elapsed.TotalSeconds:0.0} s (stored-fields chunks: {writer.Statistics.MergeChunksCopied} copied, {writer.Statistics.MergeChunksCompressed} compressed); committed generation {commit.Generation}: {writer.LiveCount} documents"));
            return 0;
        });
    }
}
