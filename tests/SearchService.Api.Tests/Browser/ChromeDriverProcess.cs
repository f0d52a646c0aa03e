using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// Debian's ChromeDriver (<c>/usr/bin/chromedriver</c>) on a free local port, driving Debian's
/// Chromium (<c>/usr/bin/chromium</c>). Both come from <c>scripts/setup.sh</c>; a test tool's own
/// browser download cannot work on the closed network.
/// </summary>
internal sealed class ChromeDriverProcess : IDisposable
{
    /// <summary>Where Debian's chromium-driver package puts the driver.</summary>
    public const string DriverPath = "/usr/bin/chromedriver";

    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string BrowserPath = "/usr/bin/chromium";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly ProcessOutput _output = new();

    private ChromeDriverProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _output.Attach(process);
    }

    /// <summary>The driver's WebDriver endpoint, ending in a slash.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Fails, naming the fix, when the driver or the browser is not installed. A browser test that
    /// skipped itself here would let CI stay green without ever opening the page.
    /// </summary>
    public static void RequireInstalled()
    {
        var missing = new[] { DriverPath, BrowserPath }.Where(path => !File.Exists(path)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"The browser test needs Debian's chromium and chromium-driver; missing: {string.Join(", ", missing)}. " +
                "Run scripts/setup.sh (as root, or with sudo) to install them.");
        }
    }

    /// <summary>Starts the driver and waits until its <c>/status</c> says it is ready.</summary>
    public static async Task<ChromeDriverProcess> StartAsync(CancellationToken cancellationToken)
    {
        RequireInstalled();
        var port = LoopbackPort.Next();
        var start = new ProcessStartInfo(DriverPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--port={port}");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {DriverPath}.");
        var driver = new ChromeDriverProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await driver.WaitUntilReadyAsync(cancellationToken);
            return driver;
        }
        catch
        {
            driver.Dispose();
            throw;
        }
    }

    /// <summary>Kills the driver and the browsers it started.</summary>
    public void Dispose() => ChildProcess.Stop(_process);

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{DriverPath} exited with code {_process.ExitCode}. Its output:{Environment.NewLine}{_output}");
            }

            try
            {
                var status = await http.GetFromJsonAsync<JsonElement>(new Uri(Address, "status"), cancellationToken);
                if (status.GetProperty("value").GetProperty("ready").GetBoolean())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"{DriverPath} was not ready within {StartTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{_output}");
    }
}
