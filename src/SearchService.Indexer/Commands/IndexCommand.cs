using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Catalog;
using SearchService.Core.Documents.Readers;
using SearchService.Core.Index.Writer;
using Spectre.Console;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>index PATH... --index DIR</c>: ingests conclusion documents (.txt, .md, .docx, .pdf; folders
/// recursively) and corpus files (.jsonl, one document a line) into the index, with a progress
/// bar on a terminal and plain progress lines otherwise, then a summary. Re-running it is safe:
/// unchanged sources are skipped, changed ones replace their old version. It commits every
/// <c>--commit-every</c> documents and at the end (and on Ctrl+C), so an interrupted import keeps
/// what it committed.
/// </summary>
public static class IndexCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Documents, folders of documents, or .jsonl corpus files.", Arity = ArgumentArity.OneOrMore };
        var index = IndexOptions.IndexDirectory();
        var commitEvery = new Option<int>("--commit-every") { Description = "Commit after this many added or updated documents (0: only at the end).", DefaultValueFactory = _ => 10_000 };
        var ramMb = new Option<int>("--ram-mb") { Description = "RAM buffer of the writer in MiB before a segment is flushed.", DefaultValueFactory = _ => 64 };
        var forceMerge = new Option<int>("--force-merge") { Description = "After indexing, merge down to at most this many segments (0: leave merging to the background policy)." };
        var threads = AnalysisThreadsOption();
        var command = new Command("index", "Index conclusion documents: added, updated (changed files), unchanged (skipped) and failed, with progress.")
        {
            paths, index, commitEvery, ramMb, forceMerge, threads,
        };
        command.SetAction(parse => Run(
            parse.GetValue(paths) ?? [],
            parse.GetValue(index)!,
            parse.GetValue(commitEvery),
            parse.GetValue(ramMb),
            parse.GetValue(forceMerge),
            parse.GetValue(threads)));
        return command;
    }

    /// <summary>
    /// Analysis threads by default: one a core. Parsing and analysis cost about twice what the
    /// writer's adds and flushes do, so with one analysis thread beside the writer a core stood
    /// partly idle; with one a core the three threads share both cores.
    /// </summary>
    internal static int DefaultAnalysisThreads => Math.Max(1, Environment.ProcessorCount);

    /// <summary>The <c>--threads</c> option: worker threads that parse and analyze corpus lines ahead of the writer.</summary>
    internal static Option<int> AnalysisThreadsOption() => new("--threads")
    {
        Description = "Worker threads that parse and analyze .jsonl lines ahead of the one writer thread (0: all on one thread; default: one a core).",
        DefaultValueFactory = _ => DefaultAnalysisThreads,
    };

    private static int Run(string[] paths, string indexPath, int commitEvery, int ramMb, int forceMerge, int threads)
    {
        if (ramMb < 1 || commitEvery < 0 || forceMerge < 0 || threads < 0)
        {
            Console.Error.WriteLine("error: --ram-mb must be at least 1, --commit-every, --force-merge and --threads at least 0.");
            return 2;
        }

        var readers = new DocumentReaders();
        var sources = InputPaths.Expand(paths, f => readers.CanRead(f) || IsCorpus(f));
        if (sources is null)
        {
            return 2;
        }

        var totalBytes = sources.Sum(f => new FileInfo(f).Length);
        var interrupted = false;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop after the current document and commit, rather than die mid-way
            interrupted = true;
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return IndexOptions.WithWriter(indexPath, new IndexWriterOptions { RamBufferBytes = ramMb * 1024L * 1024 }, writer =>
            {
                var ingestor = new ConclusionIngestor(writer) { AnalysisThreads = threads };
                var summary = new IndexSummary();
                var stopwatch = Stopwatch.StartNew();
                var sinceCommit = 0;

                void Ingest(Action<long> advance)
                {
                    foreach (var source in sources)
                    {
                        var outcomes = IsCorpus(source) ? ingestor.IngestCorpus(source) : [ingestor.IngestFile(source)];
                        foreach (var outcome in outcomes)
                        {
                            summary.Record(outcome);
                            advance(outcome.Bytes);
                            if (outcome.Status is IngestStatus.Added or IngestStatus.Updated && commitEvery > 0 && ++sinceCommit >= commitEvery)
                            {
                                var commit = writer.Commit();
                                sinceCommit = 0;
                                summary.Note($"committed generation {commit.Generation}: {writer.LiveCount} documents");
                            }

                            if (interrupted)
                            {
                                return;
                            }
                        }
                    }
                }

                ProgressDisplay.Run(totalBytes, Ingest);
                if (interrupted)
                {
                    Console.Error.WriteLine("interrupted: committing what was indexed so far …");
                }
                else if (forceMerge > 0)
                {
                    writer.ForceMerge(forceMerge);
                }

                var changed = writer.HasUncommittedChanges;
                var final = writer.Commit();
                stopwatch.Stop();
                summary.Note(changed
                    ? $"committed generation {final.Generation}: {writer.LiveCount} documents"
                    : $"nothing changed; the index stays at generation {final.Generation}");
                summary.Print(stopwatch.Elapsed, writer.LiveCount, writer.SegmentCount);
                if (writer.MergeError is { } mergeError)
                {
                    Console.Error.WriteLine($"warning: a background merge failed and merging stopped; the index is complete but has more segments than it should: {mergeError.Message}");
                }

                return interrupted ? 130 : summary.Failed > 0 ? 1 : 0;
            });
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static bool IsCorpus(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    /// <summary>Shows progress by bytes read: a Spectre.Console bar on a terminal, a plain line every two seconds otherwise.</summary>
    private static class ProgressDisplay
    {
        public static void Run(long totalBytes, Action<Action<long>> work)
        {
            if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .Start(context =>
                    {
                        var task = context.AddTask("indexing", maxValue: Math.Max(totalBytes, 1));
                        work(bytes => task.Increment(bytes));
                        task.Value = task.MaxValue;
                    });
                return;
            }

            var stopwatch = Stopwatch.StartNew();
            var done = 0L;
            var lastReport = TimeSpan.Zero;
            work(bytes =>
            {
                done += bytes;
                var elapsed = stopwatch.Elapsed;
                if (elapsed - lastReport < TimeSpan.FromSeconds(2))
                {
                    return;
                }

                lastReport = elapsed;
                var rate = done / Math.Max(elapsed.TotalSeconds, 1e-3);
                var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(totalBytes - done, 0) / rate) : TimeSpan.Zero;
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"progress: {done / 1048576.0:0.0}/{totalBytes / 1048576.0:0.0} MB, {rate / 1048576.0:0.00} MB/s, ETA {eta:hh\\:mm\\:ss}"));
            });
        }
    }
}
