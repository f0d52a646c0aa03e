using SearchService.Core.Documents.Readers;

namespace SearchService.Indexer.Commands;

/// <summary>
/// Turns the PATH arguments of a command into files: a file stands for itself, a folder for the
/// files under it (recursively, in name order) that <c>wanted</c> accepts, except README files,
/// which describe a folder rather than belong to it. A path that is neither is an error the
/// command reports and exits on.
/// </summary>
public static class InputPaths
{
    /// <summary>The files named by <paramref name="paths"/>, or null after printing which path does not exist.</summary>
    public static List<string>? Expand(IEnumerable<string> paths, Func<string, bool> wanted)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(DocumentFiles.Under(path, wanted));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                Console.Error.WriteLine($"error: no such file or folder: {path}");
                return null;
            }
        }

        return files;
    }
}
