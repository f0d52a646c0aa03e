namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// The real conclusion documents in <c>../shared/corpus/seeds</c> (beside the project root),
/// found by walking up from the test binaries; absent on machines without the shared folder.
/// </summary>
internal static class SeedCorpus
{
    /// <summary>The seeds folder, or null when no ancestor of the test binaries has one beside it.</summary>
    public static string? Folder { get; } = Find();

    /// <summary>Every seed document as (file name, text), in file-name order.</summary>
    public static IReadOnlyList<(string Name, string Text)> Documents() =>
        Folder is null
            ? []
            : [.. Directory.EnumerateFiles(Folder)
                .Order(StringComparer.Ordinal)
                .Select(path => (Path.GetFileName(path), File.ReadAllText(path)))];

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[]
                     {
                         Path.Combine(directory.FullName, "..", "shared", "corpus", "seeds"),
                         Path.Combine(directory.FullName, "shared", "corpus", "seeds"),
                     })
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
