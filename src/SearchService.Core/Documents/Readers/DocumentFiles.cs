namespace SearchService.Core.Documents.Readers;

/// <summary>
/// The document files under a folder, the one rule the command line and the service share: every
/// file (recursively, in ordinal name order) the caller wants, except README files, which describe
/// a folder of documents rather than belong to it.
/// </summary>
public static class DocumentFiles
{
    /// <summary>The files under <paramref name="folder"/> that <paramref name="wanted"/> accepts, READMEs left out.</summary>
    public static IEnumerable<string> Under(string folder, Func<string, bool> wanted) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => wanted(f) && !IsReadme(f))
            .Order(StringComparer.Ordinal);

    /// <summary>True for README, README.md and the like.</summary>
    public static bool IsReadme(string path) => Path.GetFileNameWithoutExtension(path).Equals("README", StringComparison.OrdinalIgnoreCase);
}
