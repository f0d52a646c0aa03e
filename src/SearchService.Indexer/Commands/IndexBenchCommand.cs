using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Writer;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench index CORPUS.jsonl [--index DIR] [--threads N] [--ram-mb N] [--merge-mb-per-sec R] [--no-merge] [--stages]</c>:
/// builds an index from a corpus file as <c>index</c> does and prints the figures to quote: docs/s,
/// MB/s, build and merge-to-one-segment seconds, CPU seconds, peak resident memory, garbage
/// collections, the writer's flushes and merges, the threads used and the build's CPU by kind of
/// thread (writer, analysis workers, thread pool, JIT, garbage collector: <see cref="ThreadCpuSampler"/>). With <c>--stages</c> it
/// first times each step alone on one thread (read lines, parse, analyze, analyze and gather by
/// term, add and flush), which is where the time of a build goes, in that thread's CPU time where
/// the system gives it (<see cref="ThreadCpuClock"/>), so the figures hold on a shared machine.
/// Prints figures; asserts nothing.
/// </summary>
public static class IndexBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var corpus = new Argument<string>("corpus") { Description = "A .jsonl corpus (../shared/bench/gen_corpus.py)." };
        var index = new Option<string?>("--index") { Description = "Folder to build in (emptied first; default: a temporary folder, removed after)." };
        var threads = IndexCommand.AnalysisThreadsOption();
        var ramMb = new Option<int>("--ram-mb") { Description = "RAM buffer of the writer in MiB.", DefaultValueFactory = _ => 64 };
        var mergeRate = new Option<double>("--merge-mb-per-sec") { Description = "Write rate of background merges in MB/s (0: unbounded).", DefaultValueFactory = _ => new IndexWriterOptions().MergeWriteMBPerSecond ?? 0 };
        var noMerge = new Option<bool>("--no-merge") { Description = "Skip the merge to one segment after the build." };
        var stages = new Option<bool>("--stages") { Description = "First time each step alone on one thread (its CPU time where the system gives it): read, parse, analyze, analyze and gather, add and flush." };
        var command = new Command("index", "Index build throughput: docs/s, MB/s, build and merge seconds, CPU, peak RSS, flushes and merges.")
        {
            corpus, index, threads, ramMb, mergeRate, noMerge, stages,
        };
        command.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(index), parse.GetValue(threads), parse.GetValue(ramMb), parse.GetValue(mergeRate), !parse.GetValue(noMerge), parse.GetValue(stages)));
        return command;
    }

    private static int Run(string corpus, string? indexPath, int threads, int ramMb, double mergeRate, bool merge, bool stages)
    {
        if (!File.Exists(corpus))
        {
            Console.Error.WriteLine($"error: not found: {corpus}");
            return 2;
        }

        if (threads < 0 || ramMb < 1 || mergeRate < 0)
        {
            Console.Error.WriteLine("error: --threads and --merge-mb-per-sec must be at least 0 and --ram-mb at least 1.");
            return 2;
        }

        var path = indexPath ?? Path.Combine(Path.GetTempPath(), "searchservice-bench-index-" + Guid.NewGuid().ToString("N"));
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        var output = Console.Out;
        var megabytes = new FileInfo(corpus).Length / 1e6;
        try
        {
            if (stages)
            {
                TimeStages(corpus, ramMb, output);
            }

            using var writer = IndexWriter.Open(path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = ramMb * 1024L * 1024, MergeWriteMBPerSecond = mergeRate > 0 ? mergeRate : null });

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var gcBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            using var threadCpu = new ThreadCpuSampler();
            var stopwatch = Stopwatch.StartNew();
            var ingestor = new ConclusionIngestor(writer) { AnalysisThreads = threads };
            var failed = 0;
            foreach (var outcome in ingestor.IngestCorpus(corpus))
            {
                if (outcome.Status == IngestStatus.Failed)
                {
                    failed++;
                }
            }

            writer.Commit();
            var build = stopwatch.Elapsed.TotalSeconds;
            var docs = writer.LiveCount;
            var segments = writer.SegmentCount;
            var buildCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var buildThreads = threadCpu.Stop();
            double? mergeSeconds = null;
            if (merge)
            {
                stopwatch.Restart();
                writer.ForceMerge(1);
                writer.Commit();
                mergeSeconds = stopwatch.Elapsed.TotalSeconds;
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var statistics = writer.Statistics;
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"corpus       {corpus}: {megabytes:0.0} MB, {docs:N0} documents indexed{(failed > 0 ? $", {failed} failed" : "")}"));
            output.WriteLine(string.Create(inv, $"threads      1 writer + {threads} analysis{(threads == 0 ? " (analysis on the writer's thread)" : "")} + 1 background merge at a time; {Environment.ProcessorCount} cores"));
            output.WriteLine(string.Create(inv, $"build        {build:0.0} s, {docs / build:0} docs/s, {megabytes / build:0.00} MB/s, {buildCpu:0.0} s CPU, {segments} segments at the end"));
            if (threadCpu.Available)
            {
                output.WriteLine(string.Create(inv, $"build CPU    by thread: {string.Join(", ", buildThreads.Select(t => $"{t.Kind} {t.Seconds:0.0} s{(t.Threads > 1 ? $" ({t.Threads} threads)" : "")}"))}"));
            }

            output.WriteLine(string.Create(inv, $"flushes      {statistics.Flushes} in {statistics.FlushTime.TotalSeconds:0.0} s (RAM buffer {ramMb} MiB)"));
            output.WriteLine(string.Create(inv, $"merges       {statistics.Merges} in {statistics.MergeTime.TotalSeconds:0.0} s, the writer waited {statistics.MergeWaitTime.TotalSeconds:0.0} s for them; stored-fields chunks {statistics.MergeChunksCopied:N0} copied, {statistics.MergeChunksCompressed:N0} compressed; background merges paused {statistics.MergeThrottleTime.TotalSeconds:0.0} s for their write rate ({(mergeRate > 0 ? $"{mergeRate:0} MB/s, raised to {statistics.MergeWriteMBPerSecondHighest:0} at most while they fell behind" : "unbounded")})"));
            if (mergeSeconds is { } m)
            {
                output.WriteLine(string.Create(inv, $"force merge  {m:0.0} s to one segment"));
            }

            output.WriteLine(string.Create(inv, $"CPU          {cpu:0.0} s in all; GC {GC.CollectionCount(0) - gcBefore[0]}/{GC.CollectionCount(1) - gcBefore[1]}/{GC.CollectionCount(2) - gcBefore[2]} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:0.0} s"));
            output.WriteLine(string.Create(inv, $"peak RSS     {ProcessMemory.PeakResidentBytes() / 1e6:0} MB"));
            return failed > 0 ? 1 : 0;
        }
        finally
        {
            if (indexPath is null && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>
    /// Each step of a build on this one thread, timed apart, into a scratch index with merges off:
    /// read and parse a line, run the analysis chain alone, analyze and gather by term (what a
    /// worker does), add to the RAM buffer and flush (what the writer's thread does).
    /// </summary>
    private static void TimeStages(string corpus, int ramMb, TextWriter output)
    {
        var path = Path.Combine(Path.GetTempPath(), "searchservice-bench-stages-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var writer = IndexWriter.Open(path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = ramMb * 1024L * 1024, MergePolicy = null });
            var pipeline = VietnameseAnalyzer.Indexing.CreatePipeline();
            long read = 0, parse = 0, chain = 0, gather = 0, add = 0, tokens = 0, documents = 0;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var total = Stopwatch.StartNew();
            AnalyzedDocument? analyzed = null;
            var t = ThreadCpuClock.Now();
            foreach (var line in File.ReadLines(corpus))
            {
                var t0 = ThreadCpuClock.Now();
                read += t0 - t;
                if (string.IsNullOrWhiteSpace(line))
                {
                    t = ThreadCpuClock.Now();
                    continue;
                }

                var utf8 = Encoding.UTF8.GetBytes(line);
                var document = ConclusionIndexDocument.FromCorpusLine(utf8, out var record);
                var t1 = ThreadCpuClock.Now();
                foreach (var (field, value) in document.Values)
                {
                    if (ConclusionFields.Schema.Find(field)?.Kind == Core.Index.Schema.FieldKind.Text)
                    {
                        var stream = pipeline.Reset((string)value);
                        while (stream.IncrementToken())
                        {
                            tokens++;
                        }
                    }
                }

                var t2 = ThreadCpuClock.Now();
                analyzed = writer.Analyze(document, analyzed);
                var t3 = ThreadCpuClock.Now();
                writer.UpdateDocument(record.Id, analyzed);
                t = ThreadCpuClock.Now();
                parse += t1 - t0;
                chain += t2 - t1;
                gather += t3 - t2;
                add += t - t3;
                documents++;
            }

            var commitStarted = ThreadCpuClock.Now();
            writer.Commit();
            add += ThreadCpuClock.Now() - commitStarted;
            var flush = writer.Statistics.FlushTime.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var wall = total.Elapsed.TotalSeconds;
            static double S(long nanoseconds) => nanoseconds / 1e9;
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"stages       one thread, {documents:N0} documents, {tokens:N0} tokens ({tokens / Math.Max(1, documents):N0} a document); {wall:0.0} s wall, {cpu:0.0} s CPU; each step {(ThreadCpuClock.IsCpuTime ? "in this thread's CPU time" : "in wall time")}:"));
            output.WriteLine(string.Create(inv, $"  read lines                 {S(read),6:0.00} s"));
            output.WriteLine(string.Create(inv, $"  parse, hash, record        {S(parse),6:0.00} s  worker"));
            output.WriteLine(string.Create(inv, $"  analysis chain alone       {S(chain),6:0.00} s  ({tokens / S(chain) / 1e6:0.00} M tokens/s; timed for the figure, not part of a build)"));
            output.WriteLine(string.Create(inv, $"  analyze and gather by term {S(gather),6:0.00} s  worker (chain, per-document terms, stored fields)"));
            if (ThreadCpuClock.IsCpuTime)
            {
                // The flush's stored fields are compressed on a second thread, outside this thread's CPU time.
                output.WriteLine(string.Create(inv, $"  add to the RAM buffer, flush {S(add),4:0.00} s  writer (of which {writer.Statistics.Flushes} flushes {flush:0.00} s wall, stored fields compressed on a second thread meanwhile)"));
            }
            else
            {
                output.WriteLine(string.Create(inv, $"  add to the RAM buffer      {S(add) - flush,6:0.00} s  writer"));
                output.WriteLine(string.Create(inv, $"  flush segments             {flush,6:0.00} s  writer ({writer.Statistics.Flushes} flushes)"));
            }
        }
        finally
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }
}
