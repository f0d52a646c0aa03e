namespace SearchService.TestSupport;

/// <summary>
/// Finds the repository's samples and the real conclusion documents in <c>../shared/corpus/seeds</c>
/// (beside the repository) by walking up from the test binaries; the seeds are absent on machines
/// without the shared folder, and tests that need them skip with a message saying so.
/// </summary>
public static class TestCorpus
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SearchService.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<string?> Seeds = new(() => Shared("corpus", "seeds"));

    private static readonly Lazy<string?> LegalDev = new(() => Shared("relevance", "legal-dev"));

    /// <summary>The repository's root (the folder of SearchService.sln), found by walking up from the test binaries.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The path of a sample document.</summary>
    public static string Sample(string fileName) => Path.Combine(RootFolder.Value, "samples", fileName);

    /// <summary>The repository's samples/ folder.</summary>
    public static string SampleDirectory => Path.Combine(RootFolder.Value, "samples");

    /// <summary>How many sample documents there are (the service indexes them all on first start).</summary>
    public static int SampleCount => SampleFiles().Count;

    /// <summary>Every sample document's path (README.md is not a document), in ordinal order.</summary>
    public static IReadOnlyList<string> SampleFiles() =>
        [.. Directory.EnumerateFiles(SampleDirectory).Where(path => Path.GetFileName(path) != "README.md").Order(StringComparer.Ordinal)];

    /// <summary>A path inside the repository ("src", "SearchService.Core", …).</summary>
    public static string RepositoryPath(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A file of the judged query sets in tests/relevance.</summary>
    public static string RelevanceFile(string fileName) => Path.Combine(RootFolder.Value, "tests", "relevance", fileName);

    /// <summary>The seed directory, or null when ../shared is not beside the repository.</summary>
    public static string? SeedDirectory => Seeds.Value;

    /// <summary>The legal-dev relevance collection (../shared/relevance/legal-dev), or null when ../shared is not beside the repository.</summary>
    public static string? LegalDevDirectory => LegalDev.Value;

    /// <summary>Every seed document as (file name, text), in file-name order; empty when the seeds are absent.</summary>
    public static IReadOnlyList<(string Name, string Text)> SeedDocuments() =>
        SeedDirectory is null
            ? []
            : [.. Directory.EnumerateFiles(SeedDirectory)
                .Order(StringComparer.Ordinal)
                .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))];

    /// <summary>The path of the seed whose name starts with <paramref name="prefix"/>.</summary>
    public static string Seed(string prefix) =>
        Directory.GetFiles(SeedDirectory ?? throw new InvalidOperationException("no seeds"), prefix + "*").Single();

    /// <summary>A folder of ../shared (beside the repository or an ancestor of the test binaries), or null when absent.</summary>
    private static string? Shared(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine([dir.FullName, "..", "shared", .. parts]), Path.Combine([dir.FullName, "shared", .. parts]) })
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}
