using System.CommandLine;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Indexer.Commands;

/// <summary>What the index commands share: the <c>--index</c> option and opening a writer with clear errors.</summary>
public static class IndexOptions
{
    /// <summary>Exit code for an index that cannot be opened (locked, damaged, another schema).</summary>
    public const int IndexUnusable = 2;

    /// <summary>The <c>--index DIR</c> option (default <c>index-data</c>, the service's default).</summary>
    public static Option<string> IndexDirectory() => new("--index")
    {
        Description = "The index folder.",
        DefaultValueFactory = _ => "index-data",
    };

    /// <summary>Runs <paramref name="work"/> with a writer on <paramref name="path"/>; a lock, damage or schema mismatch is printed and exits with <see cref="IndexUnusable"/>.</summary>
    public static int WithWriter(string path, IndexWriterOptions options, Func<IndexWriter, int> work)
    {
        IndexWriter writer;
        try
        {
            writer = IndexWriter.Open(path, ConclusionFields.Schema, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine($"error: cannot open the index in {Path.GetFullPath(path)}: {e.Message}");
            return IndexUnusable;
        }

        using (writer)
        {
            if (writer.RecoveredStaleLock)
            {
                Console.Error.WriteLine($"note: a lock left by a writer that died was found in {path} and taken over; the last commit is intact.");
            }

            return work(writer);
        }
    }

    /// <summary>True when <paramref name="path"/> holds no index (so read-only commands can say so rather than show an empty one).</summary>
    public static bool Missing(string path) =>
        !System.IO.Directory.Exists(path) || !System.IO.Directory.EnumerateFiles(path, "segments_*").Any();

    /// <summary>Prints that there is no index at <paramref name="path"/>.</summary>
    public static int ReportMissing(string path)
    {
        Console.Error.WriteLine($"error: no index in {Path.GetFullPath(path)} (create one with: index PATH... --index {path})");
        return IndexUnusable;
    }

    /// <summary>Opens the directory of an existing index.</summary>
    public static IndexDirectory Open(string path) => new(path);
}
