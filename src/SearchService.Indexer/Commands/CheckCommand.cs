using System.CommandLine;
using System.Globalization;
using SearchService.Core.Index.Check;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>check --index DIR</c>: verifies every checksum and cross-checks postings, counts and columns
/// (see <see cref="IndexChecker"/>). Exit 0 when sound, 1 with every problem listed when not,
/// 2 when there is no index. With <c>--rollback-to-last-good</c>, a damaged newest commit is
/// set aside first (see <see cref="IndexRecovery"/>) and the commit before it checked.
/// </summary>
public static class CheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var index = IndexOptions.IndexDirectory();
        var rollback = new Option<bool>("--rollback-to-last-good")
        {
            Description = "When the newest commit is damaged, move its files aside (into a damaged-… folder in the index) and go back to the newest commit that verifies; then check that one.",
        };
        var command = new Command("check", "Verify the index: checksums of every file, postings, document counts and columns; exits non-zero on damage.") { index, rollback };
        command.SetAction(parse => Run(parse.GetValue(index)!, parse.GetValue(rollback)));
        return command;
    }

    private static int Run(string path, bool rollback)
    {
        if (IndexOptions.Missing(path))
        {
            return IndexOptions.ReportMissing(path);
        }

        if (rollback && !RollBack(path))
        {
            return 1;
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

        if (!rollback)
        {
            Console.Error.WriteLine("The index was not changed. If the newest commit is the damaged part, `check --rollback-to-last-good` sets it aside and goes back to the last commit that verifies (its later writes are then lost); otherwise restore a backup or re-index.");
        }

        return 1;
    }

    private static bool RollBack(string path)
    {
        try
        {
            var result = IndexRecovery.RollbackToLastGood(IndexOptions.Open(path));
            if (!result.RolledBack)
            {
                Console.Out.WriteLine($"the newest commit ({result.NewestGeneration}) verifies: nothing to roll back");
                return true;
            }

            Console.Out.WriteLine($"rolled back from commit {result.NewestGeneration} to commit {result.RestoredGeneration}; {result.MovedFiles.Count} file(s) moved to {result.DamagedFolder}: {string.Join(", ", result.MovedFiles)}");
            return true;
        }
        catch (IOException e)
        {
            // Locked by a running writer, or no commit verifies.
            Console.Error.WriteLine($"error: cannot roll back: {e.Message}");
            return false;
        }
    }
}
