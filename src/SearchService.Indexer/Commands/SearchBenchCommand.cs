using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Catalog.Answering;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench search --index DIR --queries FILE [--runs N] [--size K] [--seconds S]</c>: single-thread
/// search latency over a query file (tab-separated id, kind, query, as ../shared/bench/queries.tsv):
/// the median of N runs per query after one warm-up pass, then the median and maximum per kind,
/// and the p50/p95/p99 of every search timed; with S, passes over the file repeat for S seconds
/// (latency while something else runs, a merge say). Prints figures; asserts nothing.
/// </summary>
public static class SearchBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var index = new Option<DirectoryInfo>("--index") { Description = "The index directory.", Required = true };
        var queries = new Option<FileInfo>("--queries") { Description = "Tab-separated id, kind, query lines (a header line is skipped).", Required = true };
        var runs = new Option<int>("--runs") { Description = "Timed runs per query (the median is reported).", DefaultValueFactory = _ => 5 };
        var size = new Option<int>("--size") { Description = "Hits per search.", DefaultValueFactory = _ => 10 };
        var answer = new Option<string>("--answer")
        {
            Description = "What each search computes: 'hits' (the engine's top hits only, the default), or the API's answer with 'snippets', 'facets' or 'all' (both; facets computed afresh every time).",
            DefaultValueFactory = _ => "hits",
        };
        var seconds = new Option<double>("--seconds") { Description = "Repeat passes over the queries until this many seconds have gone (0: one pass)." };
        var command = new Command("search", "Search latency per query and per kind of query on one core.") { index, queries, runs, size, answer, seconds };
        command.SetAction(parse => Run(parse.GetValue(index)!, parse.GetValue(queries)!, Math.Max(1, parse.GetValue(runs)), parse.GetValue(size), parse.GetValue(answer)!, parse.GetValue(seconds)));
        return command;
    }

    private static int Run(DirectoryInfo index, FileInfo file, int runs, int size, string answer, double seconds)
    {
        SearchAnswerOptions? parts = answer switch
        {
            "hits" => null,
            "snippets" => new SearchAnswerOptions { Facets = false },
            "facets" => new SearchAnswerOptions { Snippets = false },
            "all" => new SearchAnswerOptions(),
            _ => throw new ArgumentException($"--answer is hits, snippets, facets or all, not '{answer}'"),
        };
        var answerer = new ConclusionSearchAnswerer();
        if (!index.Exists || !file.Exists)
        {
            Console.Error.WriteLine($"error: not found: {(index.Exists ? file.FullName : index.FullName)}");
            return 2;
        }

        var searcher = ConclusionSearcher.Open(IndexSnapshot.Open(new IndexDirectory(index.FullName)));
        var lines = BenchQuery.ReadFile(file.FullName);
        foreach (var line in lines)
        {
            searcher.Search(new SearchRequest { Query = line.Text, Size = size, Lenient = true });
        }

        Console.WriteLine($"{searcher.Snapshot.LiveCount} documents in {searcher.Snapshot.Segments.Count} segments; median of {runs} runs{(seconds > 0 ? $" a pass, passes for {seconds} s" : "")}, top {size}, computing {answer}");
        var timesOf = lines.Select(_ => new List<double>()).ToList();
        var results = new SearchResult?[lines.Count];
        var clock = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            for (var q = 0; q < lines.Count; q++)
            {
                for (var i = 0; i < runs; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var request = new SearchRequest { Query = lines[q].Text, Size = size, Lenient = true };
                    results[q] = parts is null ? searcher.Search(request) : answerer.Answer(searcher, request, parts).Result;
                    timesOf[q].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            passes++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);

        var byKind = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        for (var q = 0; q < lines.Count; q++)
        {
            var line = lines[q];
            var times = timesOf[q];
            times.Sort();
            var median = times[times.Count / 2];
            if (!byKind.TryGetValue(line.Kind, out var list))
            {
                byKind[line.Kind] = list = [];
            }

            list.Add(median);
            var result = results[q]!;
            var total = (result.TotalIsExact ? "" : ">=") + result.Total.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line.Id,-5} {line.Kind,-9} {median,8:0.00} ms  {total,8} hits  {line.Text}"));
        }

        Console.WriteLine();
        foreach (var (kind, list) in byKind)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-9} median {list[list.Count / 2],8:0.00} ms   max {list[^1],8:0.00} ms"));
        }

        var all = byKind.Values.SelectMany(l => l).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-9} median {all[all.Count / 2],8:0.00} ms   p90 {all[(int)(all.Count * 0.9)],8:0.00} ms   max {all[^1],8:0.00} ms"));
        var every = timesOf.SelectMany(t => t).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"every search: {every.Count} in {passes} passes, {clock.Elapsed.TotalSeconds:0.0} s: p50 {LatencyPercentile.Of(every, 50):0.00} ms   p95 {LatencyPercentile.Of(every, 95):0.00} ms   p99 {LatencyPercentile.Of(every, 99):0.00} ms   max {every[^1]:0.00} ms"));
        return 0;
    }
}
