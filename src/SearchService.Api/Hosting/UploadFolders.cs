using System.Diagnostics;
using System.Globalization;

namespace SearchService.Api.Hosting;

/// <summary>
/// The temporary folders uploads are extracted in. Each is deleted when its request ends; a
/// process killed meanwhile leaves its folder behind, so the name carries the process id and a
/// starting service removes the folders of processes that are gone.
/// </summary>
public static class UploadFolders
{
    private const string Base = "searchservice-upload-";

    /// <summary>The prefix for this process's folders.</summary>
    public static string Prefix { get; } = Base + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-";

    /// <summary>Deletes the upload folders left by processes no longer running; returns how many.</summary>
    public static int RemoveLeftovers(string? tempPath = null)
    {
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(tempPath ?? Path.GetTempPath(), Base + "*"))
        {
            var rest = Path.GetFileName(folder)[Base.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsRunning(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's or in use: left for the next start.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
