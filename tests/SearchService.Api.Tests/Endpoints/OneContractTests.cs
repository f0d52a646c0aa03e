using System.Diagnostics;
using System.Text.Json.Nodes;

namespace SearchService.Api.Tests.Endpoints;

/// <summary>The CLI's <c>search --json</c> and the API's answer are one contract: the same JSON for the same search.</summary>
public sealed class OneContractTests : IClassFixture<ServiceFactory>
{
    private readonly ServiceFactory _factory;

    public OneContractTests(ServiceFactory factory) => _factory = factory;

    [Theory]
    [InlineData("giải phóng mặt bằng", "&pageSize=3", "--limit 3")]
    [InlineData("nong thon moi", "&province=B%E1%BA%AFc%20Giang&sort=date", "--province|Bắc Giang|--sort|date")]
    [InlineData("Huyện nào đã hoàn thành chỉ tiêu nông thôn mới trong năm 2023?", "&from=2023-01-01&to=5/12/2024", "--from|2023-01-01|--to|5/12/2024")]
    [InlineData("18-NQ/TU", "&pageSize=2&page=2", "--limit|2|--page|2")]
    public async Task The_cli_prints_the_apis_answer_for_the_same_search(string query, string apiParameters, string cliParameters)
    {
        var api = JsonNode.Parse(await _factory.CreateClient().GetStringAsync("/api/search?q=" + Uri.EscapeDataString(query) + apiParameters))!;

        var arguments = new List<string> { "search", query, "--index", _factory.IndexPath, "--json" };
        arguments.AddRange(cliParameters.Split(cliParameters.Contains('|', StringComparison.Ordinal) ? '|' : ' '));
        var (exit, output, error) = await RunCliAsync(arguments);
        Assert.True(exit == 0, error);
        var cli = JsonNode.Parse(output)!;

        // The time taken is the one thing that may differ.
        api.AsObject().Remove("tookMs");
        cli.AsObject().Remove("tookMs");
        Assert.True(api["hits"]!.AsArray().Count > 0, "the search should find something to compare");
        Assert.Equal(api.ToJsonString(), cli.ToJsonString());
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SearchService.Indexer.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
