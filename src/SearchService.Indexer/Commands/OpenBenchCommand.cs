using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Reader;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench open --index DIR [--repeat N]</c>: how long opening the index's newest commit takes
/// (the first open in a fresh process, then the median of repeats) and the process's resident
/// memory after it, beside the index's size on disk — the figures that show segments are read on
/// demand rather than loaded.
/// </summary>
public static class OpenBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var index = IndexOptions.IndexDirectory();
        var repeat = new Option<int>("--repeat") { Description = "Further opens to time after the first.", DefaultValueFactory = _ => 5 };
        var command = new Command("open", "Time opening the index and show resident memory against its size on disk.") { index, repeat };
        command.SetAction(parse => Run(parse.GetValue(index)!, Math.Max(0, parse.GetValue(repeat))));
        return command;
    }

    private static int Run(string path, int repeat)
    {
        if (IndexOptions.Missing(path))
        {
            return IndexOptions.ReportMissing(path);
        }

        var directory = IndexOptions.Open(path);
        var before = Process.GetCurrentProcess().WorkingSet64;
        var stopwatch = Stopwatch.StartNew();
        var snapshot = IndexSnapshot.Open(directory);
        var first = stopwatch.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            stopwatch.Restart();
            using var again = IndexSnapshot.Open(directory);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        GC.Collect();
        var after = Process.GetCurrentProcess().WorkingSet64;
        var size = IndexStatistics.Of(directory).TotalBytes;
        times.Sort();
        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index        {snapshot.LiveCount:N0} documents, {snapshot.Segments.Count} segments, {size / 1048576.0:N1} MiB on disk"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first open   {first:N1} ms (includes JIT of the reader code)"));
        if (times.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median open  {times[times.Count / 2]:N1} ms over {times.Count} opens"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resident     {after / 1048576.0:N1} MiB after opening ({before / 1048576.0:N1} MiB before)"));
        snapshot.Dispose();
        return 0;
    }
}
