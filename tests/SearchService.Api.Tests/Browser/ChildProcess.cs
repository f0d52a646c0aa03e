using System.Diagnostics;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// Stops a child process and everything it started. Chromedriver starts Chromium and Chromium its
/// helpers, so killing only the parent would leave browsers running after a failed test.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Kills the process tree if it still runs and waits briefly for it to go.</summary>
    public static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started or has already been reaped: nothing left to stop.
        }
        finally
        {
            process.Dispose();
        }
    }
}
