using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Writer;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench index CORPUS.jsonl [--index DIR] [--threads N] [--ram-mb N] [--no-merge] [--stages]</c>:
/// builds an index from a corpus file as <c>index</c> does and prints the figures to quote: docs/s,
/// MB/s, build and merge-to-one-segment seconds, CPU seconds, peak resident memory, garbage
/// collections, the writer's flushes and merges, and the threads used. With <c>--stages</c> it
/// first times each step alone on one thread (read lines, parse, analyze, analyze and gather by
/// term), which is where the time of a build goes. Prints figures; asserts nothing.
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
        var noMerge = new Option<bool>("--no-merge") { Description = "Skip the merge to one segment after the build." };
        var stages = new Option<bool>("--stages") { Description = "First time each step alone on one thread: read, parse, analyze, analyze and gather." };
        var command = new Command("index", "Index build throughput: docs/s, MB/s, build and merge seconds, CPU, peak RSS, flushes and merges.")
        {
            corpus, index, threads, ramMb, noMerge, stages,
        };
        command.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(index), parse.GetValue(threads), parse.GetValue(ramMb), !parse.GetValue(noMerge), parse.GetValue(stages)));
        return command;
    }

    private static int Run(string corpus, string? indexPath, int threads, int ramMb, bool merge, bool stages)
    {
        if (!File.Exists(corpus))
        {
            Console.Error.WriteLine($"error: not found: {corpus}");
            return 2;
        }

        if (threads < 0 || ramMb < 1)
        {
            Console.Error.WriteLine("error: --threads must be at least 0 and --ram-mb at least 1.");
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
            using var writer = IndexWriter.Open(path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = ramMb * 1024L * 1024 });
            if (stages)
            {
                TimeStages(corpus, writer, output);
            }

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var gcBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
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
            output.WriteLine(string.Create(inv, $"flushes      {statistics.Flushes} in {statistics.FlushTime.TotalSeconds:0.0} s (RAM buffer {ramMb} MiB)"));
            output.WriteLine(string.Create(inv, $"merges       {statistics.Merges} in {statistics.MergeTime.TotalSeconds:0.0} s, the writer waited {statistics.MergeWaitTime.TotalSeconds:0.0} s for them"));
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

    /// <summary>Each step of a build alone, on this thread, over the whole corpus.</summary>
    private static void TimeStages(string corpus, IndexWriter writer, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var stopwatch = Stopwatch.StartNew();
        var lines = File.ReadLines(corpus).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var read = stopwatch.Elapsed.TotalSeconds;

        stopwatch.Restart();
        var documents = new List<Core.Index.Schema.IndexDocument>(lines.Count);
        foreach (var line in lines)
        {
            var record = CorpusRecord.Parse(line);
            documents.Add(ConclusionIndexDocument.From(record, ConclusionIngestor.Hash(Encoding.UTF8.GetBytes(line))));
        }

        var parse = stopwatch.Elapsed.TotalSeconds;
        lines.Clear();

        stopwatch.Restart();
        var pipeline = VietnameseAnalyzer.Indexing.CreatePipeline();
        long tokens = 0;
        foreach (var document in documents)
        {
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
        }

        var analysis = stopwatch.Elapsed.TotalSeconds;

        stopwatch.Restart();
        AnalyzedDocument? analyzed = null;
        foreach (var document in documents)
        {
            analyzed = writer.Analyze(document, analyzed);
        }

        var gather = stopwatch.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(inv, $"stages       one thread, {documents.Count:N0} documents, {tokens:N0} tokens ({tokens / Math.Max(1, documents.Count):N0} a document):"));
        output.WriteLine(string.Create(inv, $"  read lines           {read,6:0.00} s"));
        output.WriteLine(string.Create(inv, $"  parse, hash, record  {parse,6:0.00} s"));
        output.WriteLine(string.Create(inv, $"  analysis (chain)     {analysis,6:0.00} s  {tokens / analysis / 1e6:0.00} M tokens/s"));
        output.WriteLine(string.Create(inv, $"  analyze and gather   {gather,6:0.00} s  (chain + per-document terms + stored fields: a worker's share)"));
        documents.Clear();
    }
}
