using System.Collections.Concurrent;
using System.Diagnostics;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// The last lines a child process wrote to stdout and stderr, kept so a failure message can show
/// why the process did not come up (a missing setting, a port in use, a crash on start).
/// </summary>
internal sealed class ProcessOutput
{
    private const int KeptLines = 60;
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>Starts reading both streams of a process started with them redirected.</summary>
    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The kept lines, oldest first, one a line.</summary>
    public override string ToString() => string.Join(Environment.NewLine, _lines);

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > KeptLines && _lines.TryDequeue(out _))
        {
        }
    }
}
