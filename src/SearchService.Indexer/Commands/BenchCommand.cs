using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Analysis;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench analysis PATH... [--seconds N]</c>: measures the analyzer's single-thread throughput
/// on real files (MB/s of UTF-16 text read as UTF-8 bytes, and tokens/s). Prints figures; asserts
/// nothing.
/// </summary>
public static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, or folders whose .txt and .md files are read.", Arity = ArgumentArity.OneOrMore };
        var seconds = new Option<double>("--seconds") { Description = "How long the timed phase runs.", DefaultValueFactory = _ => 5.0 };
        var query = new Option<bool>("--query") { Description = "Measure the query chain instead of the indexing chain." };
        var analysis = new Command("analysis", "Analyzer throughput on one core: MB/s and tokens/s over the given files.")
        {
            paths, seconds, query,
        };
        analysis.SetAction(parse => RunAnalysis(parse.GetValue(paths) ?? [], parse.GetValue(seconds), parse.GetValue(query)));

        var bench = new Command("bench", "Benchmarks that print figures; with --corpus, the side-by-side peer benchmark of ../shared/bench.") { analysis, IndexBenchCommand.Create(), ExtractionBenchCommand.Create(), OpenBenchCommand.Create(), SearchBenchCommand.Create(), HttpBenchCommand.Create() };
        PeerBenchCommand.AddTo(bench);
        return bench;
    }

    private static int RunAnalysis(string[] paths, double seconds, bool query)
    {
        var files = InputPaths.Expand(paths, f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
        if (files is null)
        {
            return 2;
        }

        if (files.Count == 0)
        {
            Console.Error.WriteLine("error: no .txt or .md files found.");
            return 2;
        }

        var texts = files.Select(File.ReadAllText).ToArray();
        var bytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
        var analyzer = query ? VietnameseAnalyzer.Query : VietnameseAnalyzer.Indexing;
        var pipeline = analyzer.CreatePipeline();

        long Pass()
        {
            long count = 0;
            foreach (var text in texts)
            {
                var stream = pipeline.Reset(text);
                while (stream.IncrementToken())
                {
                    count++;
                }
            }

            return count;
        }

        // Warm-up: let the JIT reach its optimized tiers before timing.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(2.0, seconds))
        {
            Pass();
        }

        var passes = 0;
        long tokens = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var timer = Stopwatch.StartNew();
        while (timer.Elapsed.TotalSeconds < seconds || passes == 0)
        {
            tokens += Pass();
            passes++;
        }

        timer.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var elapsed = timer.Elapsed.TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"files: {files.Count}, text: {bytes / 1024.0:F1} KiB UTF-8, chain: {(query ? "query" : "indexing")}"));
        Console.WriteLine(string.Create(inv, $"passes: {passes} in {elapsed:F2} s"));
        Console.WriteLine(string.Create(inv, $"throughput: {bytes * passes / elapsed / 1e6:F2} MB/s, {tokens / elapsed / 1e6:F2} M tokens/s ({tokens / passes} tokens a pass)"));
        Console.WriteLine(string.Create(inv, $"allocated: {allocated / (double)passes / 1024:F1} KiB a pass"));
        return 0;
    }
}
