using System.Text.Json;

namespace SearchService.Indexer.Tests;

/// <summary>The command line on the post-reform samples: search by today's province with history, and extraction accuracy.</summary>
public sealed class LocalityCommandTests : IDisposable
{
    private readonly TempIndex _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Search_with_history_takes_in_the_former_provinces_documents()
    {
        var index = await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
        Assert.True(index.ExitCode == 0, index.Error);

        var today = await CommandLine.RunAsync("search", "", "--index", _temp.IndexPath, "--province", "Gia Lai", "--json");
        var history = await CommandLine.RunAsync("search", "", "--index", _temp.IndexPath, "--province", "gia lai", "--history", "--sort", "date", "--json");

        Assert.True(history.ExitCode == 0, history.Error);
        Assert.Equal(["tb-kl-dang-uy-phuong-quy-nhon-nam-phien-12-2026"], Ids(today.Output));
        Assert.Equal(["tb-kl-dang-uy-phuong-quy-nhon-nam-phien-12-2026", "kl-hn20-thanh-uy-quy-nhon-2024"], Ids(history.Output));
        var older = JsonDocument.Parse(history.Output).RootElement.GetProperty("hits")[1];
        Assert.Equal(("Bình Định", "Gia Lai"), (older.GetProperty("province").GetString(), older.GetProperty("currentProvince").GetString()));

        var readable = await CommandLine.RunAsync("search", "", "--index", _temp.IndexPath, "--province", "Gia Lai", "--history");
        Assert.Contains("Quy Nhơn, Bình Định (today Gia Lai)", readable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_extraction_prints_each_fields_share_and_fails_on_a_missing_document()
    {
        var expected = Path.Combine(TempIndex.Samples, "..", "tests", "extraction", "samples-expected.jsonl");

        var run = await CommandLine.RunAsync("eval-extraction", "--expected", expected, "--docs", TempIndex.Samples);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"locality\s+23/23\s+100\.0 %", run.Output);
        Assert.Matches(@"all fields\s+(\d+)/\1\s+100\.0 %", run.Output);

        var missing = Path.Combine(_temp.Root, "missing.jsonl");
        File.WriteAllText(missing, "{\"id\":\"no-such-document\",\"locality\":\"Từ Sơn\"}\n");
        var failed = await CommandLine.RunAsync("eval-extraction", "--expected", missing, "--docs", TempIndex.Samples);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("missing document: no-such-document", failed.Error, StringComparison.Ordinal);
        Assert.Matches(@"locality\s+0/1\s+0\.0 %", failed.Output);
    }

    private static List<string?> Ids(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString())];
}
