using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SearchService.Core.Documents.Readers;

/// <summary>
/// Reads .pdf through poppler-utils' <c>pdftotext -layout FILE -</c> run as a child process
/// (installed by scripts/setup.sh). A missing tool is a <see cref="ConverterMissingException"/>
/// naming it; a conversion that hangs is killed after <see cref="Timeout"/>.
/// </summary>
public sealed class PdfFileReader : IDocumentReader
{
    /// <summary>The converter's program name, looked up on PATH.</summary>
    public const string ToolName = "pdftotext";

    private readonly string _tool;

    /// <summary>Uses pdftotext from PATH.</summary>
    public PdfFileReader()
        : this(ToolName)
    {
    }

    /// <summary>Uses the given program, for tests and for installations outside PATH.</summary>
    public PdfFileReader(string tool) => _tool = tool;

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    /// <summary>How long one conversion may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>True when pdftotext can be started here.</summary>
    public static bool IsAvailable() => FindOnPath(ToolName) is not null;

    /// <inheritdoc/>
    public string Read(string path)
    {
        var start = new ProcessStartInfo(_tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "-layout", "-enc", "UTF-8", path, "-" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ConverterMissingException(path, _tool, InstallHint);
        }
        catch (Win32Exception e)
        {
            throw new ConverterMissingException(path, _tool, InstallHint, e);
        }

        using (process)
        {
            // Both pipes are drained concurrently so a chatty stderr cannot block the child.
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new DocumentReadException(path, $"{_tool} did not finish within {Timeout.TotalSeconds:0} s");
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                var message = errors.Result.Trim();
                throw new DocumentReadException(path, $"{_tool} failed (exit {process.ExitCode}): {(message.Length == 0 ? "no message" : message)}");
            }

            var text = output.Result.Replace("\f", "\n\n", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
            return text.Normalize(NormalizationForm.FormC);
        }
    }

    private const string InstallHint = "install poppler-utils (scripts/setup.sh, or apt-get install poppler-utils)";

    private static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
