namespace SearchService.TestSupport;

/// <summary>
/// A scratch folder of one test (an index, inputs, a profile), created empty and removed when the
/// test is disposed. Its name starts with a prefix that says which test left it, should a killed
/// run leave it behind.
/// </summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates <c>{temp}/{prefix}-{guid}</c>.</summary>
    public TempFolder(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder (not created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Removes the folder; a file some process still holds is not worth failing a test over.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the OS's temp cleaning; the name's prefix says which test left it.
        }
    }
}
