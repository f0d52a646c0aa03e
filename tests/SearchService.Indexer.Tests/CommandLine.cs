using System.Diagnostics;

namespace SearchService.Indexer.Tests;

/// <summary>Runs the command-line tool built beside the tests in a child process.</summary>
internal static class CommandLine
{
    /// <summary>The tool's assembly, copied next to the test assembly by the project reference.</summary>
    public static string ToolPath { get; } = Path.Combine(AppContext.BaseDirectory, "SearchService.Indexer.dll");

    /// <summary>A started, not yet awaited child process running the tool with <paramref name="arguments"/>.</summary>
    public static Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ToolPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Runs the tool to the end; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var process = Start(arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
