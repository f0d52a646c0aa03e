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
            // Both pipes are drained concurrently so a chatty stderr cannot block the child; the text
            // is bounded (compressed PDF streams can expand without end) and so is the error kept.
            var output = ReadBoundedAsync(process.StandardOutput, DocxFileReader.MaxTextChars);
            var errors = ReadBoundedAsync(process.StandardError, 4096);
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new DocumentReadException(path, $"{_tool} did not finish within {Timeout.TotalSeconds:0} s");
            }

            process.WaitForExit();
            if (output.Result.Truncated)
            {
                throw new DocumentReadException(path, $"the .pdf holds more than {DocxFileReader.MaxTextChars:N0} characters of text, more than a document may be");
            }

            if (process.ExitCode != 0)
            {
                // The converter's first line says what is wrong; the rest (often kilobytes of the same) is not the user's business.
                var message = errors.Result.Text.Trim();
                var first = message.Split('\n', 2)[0].Trim();
                first = first.Length > 200 ? first[..200] + "…" : first;
                throw new DocumentReadException(path, $"not a readable PDF ({_tool} exit {process.ExitCode}{(first.Length == 0 ? "" : ": " + first)})");
            }

            var text = output.Result.Text.Replace("\f", "\n\n", StringComparison.Ordinal).Replace("\r\n", "\n", StringComparison.Ordinal);
            return text.Normalize(NormalizationForm.FormC);
        }
    }

    /// <summary>Reads a pipe to its end, keeping at most <paramref name="limit"/> chars (the rest is drained and dropped).</summary>
    private static async Task<(string Text, bool Truncated)> ReadBoundedAsync(StreamReader reader, int limit)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        var truncated = false;
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var keep = Math.Min(n, limit - text.Length);
            if (keep < n)
            {
                truncated = true;
            }

            if (keep > 0)
            {
                text.Append(buffer, 0, keep);
            }
        }

        return (text.ToString(), truncated);
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
