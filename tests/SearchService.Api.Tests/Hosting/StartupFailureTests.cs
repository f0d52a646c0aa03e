using System.Diagnostics;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Writer;

namespace SearchService.Api.Tests.Hosting;

/// <summary>The service run as a real process, the way `dotnet run` starts it, on an index it cannot use.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TempFolder _scratch = new("ss-start");

    public void Dispose()
    {
        _scratch.Dispose();
    }

    [Fact]
    public async Task A_locked_index_stops_the_start_with_exit_code_3_naming_the_lock()
    {
        var index = Path.Combine(_scratch.Path, "index");
        using (IndexWriter.Open(index, ConclusionFields.Schema))
        {
            var (code, error) = await StartAsync(index);
            Assert.Equal(3, code);
            Assert.Contains("write.lock", error);
            Assert.Contains("locked by another writer", error);
        }
    }

    [Fact]
    public async Task A_setting_out_of_range_stops_the_start_with_exit_code_2_naming_it()
    {
        // Kestrel's own limits are configured from the settings, so a bad value must be caught as
        // a settings error before the server is built, not crash the process.
        var (code, error) = await StartAsync(Path.Combine(_scratch.Path, "index"), ("SearchService__MaxRequestBodyBytes", "-5"));
        Assert.Equal(2, code);
        Assert.Contains("invalid settings", error);
        Assert.Contains("MaxRequestBodyBytes", error);
        Assert.False(Directory.Exists(Path.Combine(_scratch.Path, "index")), "nothing is created when the settings are refused");
    }

    [Fact]
    public async Task A_damaged_index_stops_the_start_with_exit_code_4_naming_the_file()
    {
        var index = Path.Combine(_scratch.Path, "index");
        using (var writer = IndexWriter.Open(index, ConclusionFields.Schema))
        {
            writer.AddDocument(ConclusionIndexDocument.From(new Core.Documents.ConclusionDocument { Id = "a", Body = "kết luận hội nghị" }));
            writer.Commit();
        }

        var commit = Directory.EnumerateFiles(index, "segments_*").Single();
        var bytes = File.ReadAllBytes(commit);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(commit, bytes);

        var (code, error) = await StartAsync(index);
        Assert.Equal(4, code);
        Assert.Contains(Path.GetFileName(commit), error);
    }

    [Fact]
    public async Task A_damaged_newest_commit_is_refused_and_served_from_the_last_good_commit_only_when_asked()
    {
        var index = Path.Combine(_scratch.Path, "index");
        using (var writer = IndexWriter.Open(index, ConclusionFields.Schema))
        {
            writer.AddDocument(ConclusionIndexDocument.From(new Core.Documents.ConclusionDocument { Id = "a", Body = "kết luận hội nghị" }));
            writer.Commit();
            writer.AddDocument(ConclusionIndexDocument.From(new Core.Documents.ConclusionDocument { Id = "b", Body = "thông báo kết luận" }));
            writer.Commit();
        }

        var newest = Path.Combine(index, "segments_2");
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..^3]);

        var (code, error) = await StartAsync(index);
        Assert.Equal(4, code);
        Assert.Contains("segments_2", error);
        Assert.Contains("--rollback-to-last-good", error);
        Assert.True(File.Exists(newest), "a refused start must not touch the damaged commit");

        var served = await ServingAsync(index, "--rollback-to-last-good");
        Assert.Contains("1 documents", served);
        Assert.False(File.Exists(newest));
        var aside = Assert.Single(Directory.EnumerateDirectories(index, "damaged-*"));
        Assert.True(File.Exists(Path.Combine(aside, "segments_2")));
    }

    [Fact]
    public async Task An_invalid_setting_stops_the_start_with_exit_code_2_naming_it()
    {
        var (code, error) = await StartAsync(Path.Combine(_scratch.Path, "index"), ("SearchService__MaxPageSize", "0"));
        Assert.Equal(2, code);
        Assert.Contains("MaxPageSize", error);
    }

    /// <summary>Starts the service with <paramref name="arguments"/>, waits until it serves, stops it and returns its log.</summary>
    private static async Task<string> ServingAsync(string index, params string[] arguments)
    {
        var info = ServiceStart(index, arguments);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var log = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                log.AppendLine(line);
                if (line.Contains("Serving the index", StringComparison.Ordinal))
                {
                    return log.ToString();
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            throw new InvalidOperationException($"the service stopped without serving (exit {process.ExitCode}): {log}{await error}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static async Task<(int ExitCode, string Error)> StartAsync(string index, params (string Name, string Value)[] environment)
    {
        var info = ServiceStart(index, []);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the service kept running on an index it should have refused: " + await output);
        }

        return (process.ExitCode, await error);
    }

    /// <summary>The service built beside the tests on <paramref name="index"/>, any free port, no samples, with <paramref name="arguments"/>.</summary>
    private static ProcessStartInfo ServiceStart(string index, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SearchService.Api.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["SearchService__IndexPath"] = index;
        info.Environment["SearchService__SamplesPath"] = "";
        return info;
    }
}
