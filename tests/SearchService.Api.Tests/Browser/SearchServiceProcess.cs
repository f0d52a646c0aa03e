using System.Diagnostics;
using System.Net;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// The real service, started as a child process the way an operator starts it
/// (<c>dotnet SearchService.Api.dll --urls …</c>), on a fresh index folder so the samples are
/// indexed on first start. The in-process test host would skip Kestrel, static files from disk
/// and the first-start indexing, which are what a browser test is meant to cover.
/// </summary>
internal sealed class SearchServiceProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ProcessOutput _output = new();
    private readonly string _indexPath;
    private readonly bool _ownsIndex;

    private SearchServiceProcess(Process process, string indexPath, bool ownsIndex, Uri baseAddress)
    {
        _process = process;
        _indexPath = indexPath;
        _ownsIndex = ownsIndex;
        BaseAddress = baseAddress;
        _output.Attach(process);
    }

    /// <summary>Where the service listens, ending in a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the service wrote lately, for failure messages.</summary>
    public string RecentOutput => _output.ToString();

    /// <summary>
    /// Starts the service built beside the tests (the project reference copies
    /// SearchService.Api.dll into the test output) with the API project's folder as content root,
    /// so <c>wwwroot</c> and <c>appsettings.json</c> come from the source tree, and waits for
    /// <c>GET /health/ready</c> to answer 200.
    /// </summary>
    /// <remarks>
    /// With <paramref name="indexPath"/> the service runs on that folder, which outlives it (for
    /// restarts); otherwise on a fresh folder deleted with it. <paramref name="environment"/> adds
    /// settings (<c>SearchService__Name</c>).
    /// </remarks>
    public static async Task<SearchServiceProcess> StartAsync(CancellationToken cancellationToken, string? indexPath = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var repository = TestCorpus.Root;
        var dll = Path.Combine(AppContext.BaseDirectory, "SearchService.Api.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the test project (dotnet build tests/SearchService.Api.Tests), which copies the API beside it.");
        }

        var contentRoot = Path.Combine(repository, "src", "SearchService.Api");
        var ownsIndex = indexPath is null;
        indexPath ??= Path.Combine(Path.GetTempPath(), $"searchservice-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(indexPath);
        var baseAddress = new Uri($"http://127.0.0.1:{LoopbackPort.Next()}/");

        // DOTNET_HOST_PATH is the muxer running these tests; "dotnet" on PATH is the fallback.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", baseAddress.GetLeftPart(UriPartial.Authority), "--contentRoot", contentRoot })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SearchService__IndexPath"] = indexPath;
        start.Environment["SearchService__SamplesPath"] = Path.Combine(repository, "samples");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName} {dll}.");
        var service = new SearchServiceProcess(process, indexPath, ownsIndex, baseAddress);
        try
        {
            await service.WaitUntilReadyAsync(cancellationToken);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>Kills the service at once (SIGKILL: no shutdown code runs), as a crash or power cut would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Kills the service and deletes its index folder when it made it.</summary>
    public void Dispose()
    {
        ChildProcess.Stop(_process);
        if (!_ownsIndex)
        {
            return;
        }

        try
        {
            Directory.Delete(_indexPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result matters more.
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} before it was ready. Its output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                // 404 means the endpoint does not exist, not that indexing is still going: waiting won't help.
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    throw new InvalidOperationException($"GET {BaseAddress}health/ready answered 404: this build of the service has no readiness endpoint (it comes with the HTTP API issue).");
                }

                last = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"GET {BaseAddress}health/ready did not answer 200 within {ReadyTimeout.TotalSeconds:0} s (last: {last}). The service's output:{Environment.NewLine}{RecentOutput}");
    }
}
