using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SearchService.Core.Index.Check;

namespace SearchService.Indexer.Commands;

/// <summary><c>stats --index DIR [--json]</c>: documents, deletes, segments, bytes per file kind and terms per field of the last commit.</summary>
public static class StatsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var index = IndexOptions.IndexDirectory();
        var json = new Option<bool>("--json") { Description = "Print JSON: documents, deleted, segments, bytes (per file kind and total), terms (per field), generation." };
        var command = new Command("stats", "Show what the index holds and its size on disk per file kind.") { index, json };
        command.SetAction(parse => Run(parse.GetValue(index)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(string path, bool json)
    {
        if (IndexOptions.Missing(path))
        {
            return IndexOptions.ReportMissing(path);
        }

        IndexStatistics stats;
        try
        {
            stats = IndexStatistics.Of(IndexOptions.Open(path));
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: cannot read the index in {Path.GetFullPath(path)}: {e.Message}");
            return IndexOptions.IndexUnusable;
        }

        if (json)
        {
            var bytes = new Dictionary<string, long>(stats.Bytes) { ["total"] = stats.TotalBytes };
            Console.Out.WriteLine(JsonSerializer.Serialize(
                new { documents = stats.Documents, deleted = stats.Deleted, segments = stats.Segments, bytes, terms = stats.Terms, generation = stats.Generation },
                new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index      {Path.GetFullPath(path)} (commit {stats.Generation})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents  {stats.Documents:N0} live, {stats.Deleted:N0} deleted"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segments   {stats.Segments}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size       {stats.TotalBytes / 1048576.0:N1} MiB"));
        foreach (var (kind, size) in stats.Bytes.OrderByDescending(b => b.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-9} {size / 1048576.0,10:N2} MiB  {Describe(kind)}"));
        }

        output.WriteLine("terms");
        foreach (var (field, count) in stats.Terms)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {field,-12} {count,12:N0}"));
        }

        return 0;
    }

    private static string Describe(string kind) => kind switch
    {
        "tim" => "term dictionary",
        "doc" => "postings: documents and frequencies",
        "pos" => "positions",
        "nrm" => "norms (field lengths)",
        "fdt" => "stored fields (zstd)",
        "dvd" => "doc values (columns)",
        "si" => "segment info",
        "del" => "deletes",
        "segments" => "commit point",
        _ => "",
    };
}
