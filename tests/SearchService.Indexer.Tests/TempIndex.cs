namespace SearchService.Indexer.Tests;

/// <summary>A scratch folder for one CLI test's index (<see cref="IndexPath"/>, not yet created) and inputs.</summary>
internal sealed class TempIndex : IDisposable
{
    private readonly TempFolder _folder = new("ss-cli");

    public string Root => _folder.Path;

    public string IndexPath => _folder.File("index");

    /// <summary>The repository's samples/ folder.</summary>
    public static string Samples => TestCorpus.SampleDirectory;

    public void Dispose() => _folder.Dispose();
}
