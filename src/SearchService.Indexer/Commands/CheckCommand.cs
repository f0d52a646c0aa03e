using System.CommandLine;
using System.Globalization;
using SearchService.Core.Index.Check;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>check --index DIR</c>: verifies every checksum and cross-checks postings, counts and columns
/// (see <see cref="IndexChecker"/>). Exit 0 when sound, 1 with every problem listed when not,
/// 2 when there is no index.
/// </summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var index = IndexOptions.IndexDirectory();
        var command = new Command("check", "Verify the index: checksums of every file, postings, document counts and columns; exits non-zero on damage.") { index };
        command.SetAction(parse => Run(parse.GetValue(index)!));
        return command;
    }

    private static int Run(string path)
    {
        if (IndexOptions.Missing(path))
        {
            return IndexOptions.ReportMissing(path);
        }

        var report = IndexChecker.Check(IndexOptions.Open(path), line => Console.Out.WriteLine("checking " + line));
        if (report.Healthy)
        {
            Console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"OK: commit {report.Generation}, {report.Segments} segments, {report.Documents:N0} documents, {report.Terms:N0} terms, {report.Postings:N0} postings verified"));
            return 0;
        }

        Console.Error.WriteLine($"DAMAGED: {report.Problems.Count} problem(s) in {Path.GetFullPath(path)}:");
        foreach (var problem in report.Problems.Take(50))
        {
            Console.Error.WriteLine("  " + problem);
        }

        if (report.Problems.Count > 50)
        {
            Console.Error.WriteLine($"  … and {report.Problems.Count - 50} more");
        }

        return 1;
    }
}
