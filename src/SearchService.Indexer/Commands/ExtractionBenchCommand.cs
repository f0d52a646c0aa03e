using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Documents.Readers;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench extraction PATH... [--seconds N]</c>: the extractor's single-thread throughput in
/// documents/s and MB/s over files already read into memory (reading is measured apart, once).
/// Prints figures; asserts nothing.
/// </summary>
public static class ExtractionBenchCommand
{
    /// <summary>Builds the subcommand of <c>bench</c>.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, or folders whose readable documents are used.", Arity = ArgumentArity.OneOrMore };
        var seconds = new Option<double>("--seconds") { Description = "How long the timed phase runs.", DefaultValueFactory = _ => 5.0 };
        var command = new Command("extraction", "Extraction throughput on one core: documents/s and MB/s over the given files.") { paths, seconds };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], parse.GetValue(seconds)));
        return command;
    }

    private static int Run(string[] paths, double seconds)
    {
        var readers = new DocumentReaders();
        var files = InputPaths.Expand(paths, readers.CanRead);
        if (files is null)
        {
            return 2;
        }

        var read = Stopwatch.StartNew();
        var texts = new List<(string Id, string Text)>();
        foreach (var file in files)
        {
            try
            {
                texts.Add((Path.GetFileNameWithoutExtension(file), readers.Read(file)));
            }
            catch (DocumentReadException e)
            {
                Console.Error.WriteLine($"skipped: {e.Message}");
            }
        }

        read.Stop();
        if (texts.Count == 0)
        {
            Console.Error.WriteLine("error: no readable documents found.");
            return 2;
        }

        var extractor = new ConclusionExtractor();
        foreach (var (id, text) in texts)
        {
            extractor.Extract(id, text); // warm-up: regex construction, gazetteer load, JIT
        }

        var chars = texts.Sum(t => (long)t.Text.Length);
        var documents = 0L;
        var passes = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (id, text) in texts)
            {
                extractor.Extract(id, text);
            }

            documents += texts.Count;
            passes++;
        }

        clock.Stop();
        var elapsed = clock.Elapsed.TotalSeconds;
        var mb = chars * passes * 2 / 1e6; // UTF-16 bytes, as held in memory
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{texts.Count} documents ({chars / 1024.0:0} K chars) read in {read.Elapsed.TotalMilliseconds:0} ms; extracted {documents} in {elapsed:0.00} s: {documents / elapsed:0} documents/s, {mb / elapsed:0.0} MB/s (UTF-16), {elapsed * 1e6 / documents:0} µs/document"));
        return 0;
    }
}
