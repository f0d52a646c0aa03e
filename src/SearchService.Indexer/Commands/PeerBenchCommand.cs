using System.Collections;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;
using SearchService.Core.Search;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench --corpus C.jsonl --queries Q.tsv --index DIR --out R.json [--warmup N] [--passes N]
/// [--min-seconds S] [--max-seconds S] [--threads 1,2] [--index-threads N]</c>: the product as a
/// peer of ../shared/bench (its run.sh calls exactly this): builds the index from the corpus with
/// one writer thread and <c>--index-threads</c> analysis threads, merges it to one segment, runs the query set (hit counts untimed, then warm-up, timed
/// single-thread passes and concurrent passes), and writes the peers' JSON keys beside a table.
/// </summary>
public static class PeerBenchCommand
{
    /// <summary>Adds the peer options and action to the <c>bench</c> command.</summary>
    public static void AddTo(Command bench)
    {
        var corpus = new Option<string?>("--corpus") { Description = "The JSONL corpus (../shared/bench/gen_corpus.py)." };
        var queries = new Option<string?>("--queries") { Description = "The query set (id, kind, query; a header line)." };
        var index = new Option<string?>("--index") { Description = "Folder to build the index in (emptied first)." };
        var output = new Option<string?>("--out") { Description = "Results JSON to write (the peers' keys)." };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up passes at least.", DefaultValueFactory = _ => 3 };
        var passes = new Option<int>("--passes") { Description = "Timed passes at least.", DefaultValueFactory = _ => 5 };
        var minSeconds = new Option<double>("--min-seconds") { Description = "Each warm-up or timed phase runs at least this long.", DefaultValueFactory = _ => 10 };
        var maxSeconds = new Option<double>("--max-seconds") { Description = "Each phase stops after this long, after at least one pass.", DefaultValueFactory = _ => 120 };
        var threads = new Option<string>("--threads") { Description = "Concurrent searchers to measure QPS with, comma-separated.", DefaultValueFactory = _ => "1,2" };
        var name = new Option<string>("--name") { Description = "The run's name in the report.", DefaultValueFactory = _ => "product" };
        var indexThreads = new Option<int>("--index-threads")
        {
            Description = "Analysis threads beside the one writer thread while building (0: one thread in all; default: one a core).",
            DefaultValueFactory = _ => IndexCommand.DefaultAnalysisThreads,
        };
        foreach (var option in new Option[] { corpus, queries, index, output, warmup, passes, minSeconds, maxSeconds, threads, name, indexThreads })
        {
            bench.Options.Add(option);
        }

        bench.SetAction(parse =>
        {
            if (parse.GetValue(corpus) is not { } c || parse.GetValue(queries) is not { } q || parse.GetValue(index) is not { } i || parse.GetValue(output) is not { } o)
            {
                Console.Error.WriteLine("error: bench needs --corpus, --queries, --index and --out (or a subcommand: analysis, extraction, open, search).");
                return 2;
            }

            var counts = parse.GetValue(threads)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1).ToList();
            if (counts.Count == 0 || counts.Contains(-1))
            {
                Console.Error.WriteLine("error: --threads is a comma-separated list of positive counts, e.g. 1,2.");
                return 2;
            }

            return Run(new Settings(c, q, i, o, parse.GetValue(warmup), parse.GetValue(passes), parse.GetValue(minSeconds), parse.GetValue(maxSeconds), counts, parse.GetValue(name)!, Math.Max(0, parse.GetValue(indexThreads))));
        });
    }

    private sealed record Settings(string Corpus, string Queries, string Index, string Out, int Warmup, int Passes, double MinSeconds, double MaxSeconds, IReadOnlyList<int> Threads, string Name, int IndexThreads);


    private static int Run(Settings settings)
    {
        if (!File.Exists(settings.Corpus) || !File.Exists(settings.Queries))
        {
            Console.Error.WriteLine($"error: not found: {(File.Exists(settings.Corpus) ? settings.Queries : settings.Corpus)}");
            return 2;
        }

        var queries = BenchQuery.ReadFile(settings.Queries);
        var indexFigures = Build(settings);
        using var snapshot = IndexSnapshot.Open(new IndexDirectory(settings.Index));
        var (search, perQuery) = Search(settings, snapshot, queries);
        var document = new JsonObject
        {
            ["name"] = settings.Name,
            ["engine"] = "searchservice " + typeof(IndexSearcher).Assembly.GetName().Version,
            ["variant"] = "Vietnamese analyzer (tone marks, folding, pairs, abbreviations, code parts), BM25 + block-max WAND",
            ["corpus"] = Path.GetFullPath(settings.Corpus),
            ["host"] = new JsonObject { ["cpus"] = Environment.ProcessorCount, ["machine"] = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant() == "x64" ? "x86_64" : System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString() },
            ["time"] = DateTime.Now.ToString("s", CultureInfo.InvariantCulture),
            ["index"] = indexFigures,
            ["search"] = search,
            ["queries"] = perQuery,
        };
        File.WriteAllText(settings.Out, document.ToJsonString(ConclusionDocumentJson.Options));
        PrintTable(indexFigures, search);
        Console.WriteLine($"-> {settings.Out}");
        return 0;
    }

    private static JsonObject Build(Settings settings)
    {
        if (Directory.Exists(settings.Index))
        {
            Directory.Delete(settings.Index, recursive: true);
        }

        var bytes = new FileInfo(settings.Corpus).Length;
        var stopwatch = Stopwatch.StartNew();
        int docs;
        using (var writer = IndexWriter.Open(settings.Index, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = 256L * 1024 * 1024 }))
        {
            var ingestor = new ConclusionIngestor(writer) { AnalysisThreads = settings.IndexThreads };
            foreach (var outcome in ingestor.IngestCorpus(settings.Corpus))
            {
                if (outcome.Status == IngestStatus.Failed)
                {
                    Console.Error.WriteLine($"failed: {outcome.Source}: {outcome.Error}");
                }
            }

            writer.Commit();
            docs = writer.LiveCount;
            var buildSeconds = stopwatch.Elapsed.TotalSeconds;
            stopwatch.Restart();
            writer.ForceMerge(1);
            writer.Commit();
            var mergeSeconds = stopwatch.Elapsed.TotalSeconds;
            // The index is what the newest commit refers to, as the peers measure theirs; the folder
            // also keeps the commit before (the last good one) until the next commit.
            var directory = new IndexDirectory(settings.Index);
            var commit = CommitPoint.ReadLatest(directory) ?? throw new InvalidOperationException("the bench index has no commit");
            var size = commit.Files().Append(commit.FileName).Sum(f => new FileInfo(Path.Combine(settings.Index, f)).Length) / 1e6;
            var onDisk = Directory.EnumerateFiles(settings.Index).Sum(f => new FileInfo(f).Length) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[product] indexed {docs} docs in {buildSeconds:0.0}s (+{mergeSeconds:0.0}s merge) with 1 writer + {settings.IndexThreads} analysis threads, {size:0} MB ({onDisk:0} MB in the folder with the commit before)"));
            return new JsonObject
            {
                ["docs"] = docs,
                ["corpus_mb"] = bytes / 1e6,
                ["build_s"] = buildSeconds,
                ["merge_s"] = mergeSeconds,
                ["docs_per_s"] = docs / buildSeconds,
                ["index_threads"] = 1 + settings.IndexThreads,
                ["mb_per_s"] = bytes / 1e6 / buildSeconds,
                ["size_mb"] = size,
                ["file_mb"] = size,
                ["folder_mb"] = onDisk,
                ["peak_rss_mb"] = ProcessMemory.PeakResidentBytes() / 1e6,
            };
        }
    }

    private static (JsonObject Search, JsonArray Queries) Search(Settings settings, IndexSnapshot snapshot, List<BenchQuery> queries)
    {
        var searcher = ConclusionSearcher.Open(snapshot);
        var perQuery = new JsonArray();
        var runnable = new List<BenchQuery>();
        foreach (var query in queries)
        {
            try
            {
                var request = Request(query);
                var hits = searcher.MatchingDocuments(request).Sum(Cardinality);
                var top = searcher.Search(request).Hits.Select(h => (JsonNode)(long.TryParse(h.Id, out var n) ? JsonValue.Create(n) : JsonValue.Create(h.Id))).ToArray();
                perQuery.Add(new JsonObject { ["id"] = query.Id, ["kind"] = query.Kind, ["query"] = query.Text, ["hits"] = hits, ["top10"] = new JsonArray(top) });
                runnable.Add(query);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException || e.GetType().Namespace?.StartsWith("SearchService", StringComparison.Ordinal) == true)
            {
                perQuery.Add(new JsonObject { ["id"] = query.Id, ["kind"] = query.Kind, ["query"] = query.Text, ["hits"] = -1, ["error"] = e.Message });
            }
        }

        var warm = Passes(searcher, runnable, settings, settings.Warmup, null);
        var samples = new List<(string Kind, double Ms)>();
        var started = Stopwatch.GetTimestamp();
        var timed = Passes(searcher, runnable, settings, settings.Passes, samples);
        var qps1 = timed / Stopwatch.GetElapsedTime(started).TotalSeconds;
        var search = new JsonObject
        {
            ["warmup_passes"] = warm / Math.Max(1, runnable.Count),
            ["timed_passes"] = timed / Math.Max(1, runnable.Count),
            ["latency_ms"] = Latency(samples),
        };
        foreach (var threads in settings.Threads)
        {
            search[$"qps_{threads}t"] = threads == 1 ? qps1 : Concurrent(snapshot, runnable, settings, threads);
        }

        search["serving_rss_mb"] = ProcessMemory.ResidentBytes() / 1e6;
        return (search, perQuery);
    }

    private static SearchRequest Request(BenchQuery query) => new() { Query = query.Text, Size = 10, Lenient = false, RelaxToAnyWord = false, ReadStoredFields = false };

    /// <summary>Runs passes over all queries until at least <paramref name="passes"/> and the minimum time, or past the maximum; returns the queries run.</summary>
    private static int Passes(IndexSearcher searcher, List<BenchQuery> queries, Settings settings, int passes, List<(string Kind, double Ms)>? samples)
    {
        var requests = queries.ConvertAll(Request);
        var count = 0;
        var pass = 0;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                var before = Stopwatch.GetTimestamp();
                _ = searcher.Search(requests[i]);
                samples?.Add((queries[i].Kind, Stopwatch.GetElapsedTime(before).TotalMilliseconds));
                count++;
            }

            pass++;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if ((pass >= passes && elapsed >= settings.MinSeconds) || elapsed > settings.MaxSeconds)
            {
                return count;
            }
        }
    }

    private static double Concurrent(IndexSnapshot snapshot, List<BenchQuery> queries, Settings settings, int threads)
    {
        using var barrier = new Barrier(threads);
        var results = new (long Start, long End, int Count)[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var searcher = ConclusionSearcher.Open(snapshot);
            foreach (var q in queries)
            {
                _ = searcher.Search(Request(q));
            }

            barrier.SignalAndWait();
            var start = Stopwatch.GetTimestamp();
            var count = Passes(searcher, queries, settings, settings.Passes, null);
            results[t] = (start, Stopwatch.GetTimestamp(), count);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var wall = (results.Max(r => r.End) - results.Min(r => r.Start)) / (double)Stopwatch.Frequency;
        return results.Sum(r => r.Count) / wall;
    }

    private static JsonObject Latency(List<(string Kind, double Ms)> samples)
    {
        var result = new JsonObject { ["all"] = Summary(samples.ConvertAll(s => s.Ms)) };
        foreach (var group in samples.GroupBy(s => s.Kind))
        {
            result[group.Key] = Summary(group.Select(s => s.Ms).ToList());
        }

        return result;
    }

    /// <summary>Nearest-rank percentiles, as the peers compute them.</summary>
    private static JsonObject Summary(List<double> values)
    {
        values.Sort();
        double Percentile(double p) => LatencyPercentile.Of(values, p);
        return new JsonObject { ["n"] = values.Count, ["p50"] = Percentile(50), ["p95"] = Percentile(95), ["p99"] = Percentile(99), ["mean"] = values.Count == 0 ? double.NaN : values.Average() };
    }

    private static int Cardinality(BitArray bits)
    {
        var count = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                count++;
            }
        }

        return count;
    }

    private static void PrintTable(JsonObject index, JsonObject search)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"docs/s {index["docs_per_s"]!.GetValue<double>():0}  MB/s {index["mb_per_s"]!.GetValue<double>():0.0}  build {index["build_s"]!.GetValue<double>():0.0}s  merge {index["merge_s"]!.GetValue<double>():0.0}s  size {index["size_mb"]!.GetValue<double>():0} MB  peak RSS {index["peak_rss_mb"]!.GetValue<double>():0} MB"));
        Console.WriteLine("kind        p50 ms   p95 ms   p99 ms");
        foreach (var (kind, node) in search["latency_ms"]!.AsObject())
        {
            Console.WriteLine(string.Create(inv, $"{kind,-10} {node!["p50"]!.GetValue<double>(),7:0.00}  {node["p95"]!.GetValue<double>(),7:0.00}  {node["p99"]!.GetValue<double>(),7:0.00}"));
        }

        foreach (var (key, value) in search)
        {
            if (key.StartsWith("qps_", StringComparison.Ordinal))
            {
                Console.WriteLine(string.Create(inv, $"{key} {value!.GetValue<double>():0.0}"));
            }
        }

        Console.WriteLine(string.Create(inv, $"serving RSS {search["serving_rss_mb"]!.GetValue<double>():0} MB"));
    }
}
