namespace SearchService.Indexer.Tests;

/// <summary>A temporary folder for one test's index and inputs, removed afterwards.</summary>
internal sealed class TempIndex : IDisposable
{
    public TempIndex()
    {
        Root = Path.Combine(Path.GetTempPath(), "ss-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        IndexPath = Path.Combine(Root, "index");
    }

    public string Root { get; }

    public string IndexPath { get; }

    /// <summary>The repository's samples/ folder (found by walking up to SearchService.sln).</summary>
    public static string Samples
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
                {
                    return Path.Combine(dir.FullName, "samples");
                }
            }

            throw new InvalidOperationException("SearchService.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
