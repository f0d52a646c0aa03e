using System.Text.Json;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Writer;

namespace SearchService.Indexer.Tests;

public sealed class IndexCommandTests : IDisposable
{
    private readonly TempIndex _temp = new();


    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Indexing_the_samples_twice_adds_them_once_and_then_changes_nothing()
    {
        var first = await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"added {TestCorpus.SampleCount}, updated 0, unchanged 0, failed 0", first.Output);

        var second = await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"added 0, updated 0, unchanged {TestCorpus.SampleCount}, failed 0", second.Output);
        Assert.Contains("nothing changed; the index stays at generation 1", second.Output);
    }

    [Fact]
    public async Task A_changed_file_replaces_its_old_version_and_a_bad_file_is_reported_without_stopping_the_rest()
    {
        await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
        var inputs = Directory.CreateDirectory(Path.Combine(_temp.Root, "inputs")).FullName;
        var sample = Directory.EnumerateFiles(TempIndex.Samples, "*.txt").Order(StringComparer.Ordinal).First();
        File.WriteAllText(Path.Combine(inputs, Path.GetFileName(sample)), File.ReadAllText(sample) + "\nĐoạn bổ sung về chuyển đổi số.\n");
        File.WriteAllBytes(Path.Combine(inputs, "hong.txt"), [0x41, 0x00, 0x42, 0x00, 0x00, 0x43]);

        var run = await CommandLine.RunAsync("index", inputs, "--index", _temp.IndexPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("added 0, updated 1, unchanged 0, failed 1", run.Output);
        Assert.Contains("hong.txt", run.Error);
        var stats = await Stats();
        Assert.Equal(TestCorpus.SampleCount, stats.GetProperty("documents").GetInt32());
        Assert.Equal(1, stats.GetProperty("deleted").GetInt32()); // the replaced version, until a merge
    }

    [Fact]
    public async Task Stats_check_and_delete_work_on_the_indexed_samples()
    {
        await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
        var stats = await Stats();
        Assert.Equal(TestCorpus.SampleCount, stats.GetProperty("documents").GetInt32());
        Assert.Equal(1, stats.GetProperty("segments").GetInt32());
        Assert.True(stats.GetProperty("bytes").GetProperty("pos").GetInt64() > 0);
        Assert.True(stats.GetProperty("bytes").GetProperty("total").GetInt64() > stats.GetProperty("bytes").GetProperty("fdt").GetInt64());

        var check = await CommandLine.RunAsync("check", "--index", _temp.IndexPath);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"OK: commit 1, 1 segments, {TestCorpus.SampleCount} documents", check.Output);

        var id = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(TempIndex.Samples, "*.md").Order(StringComparer.Ordinal).First(f => !f.EndsWith("README.md", StringComparison.Ordinal)));
        var delete = await CommandLine.RunAsync("delete", id, "khong-co-that", "--index", _temp.IndexPath);
        Assert.Equal(1, delete.ExitCode);
        Assert.Contains($"deleted {id}", delete.Output);
        Assert.Contains("no document with id 'khong-co-that'", delete.Error);
        Assert.Equal(TestCorpus.SampleCount - 1, (await Stats()).GetProperty("documents").GetInt32());
        Assert.Equal(0, (await CommandLine.RunAsync("check", "--index", _temp.IndexPath)).ExitCode);
    }

    [Fact]
    public async Task A_locked_index_and_a_missing_index_are_clear_errors()
    {
        using (IndexWriter.Open(_temp.IndexPath, ConclusionFields.Schema))
        {
            var locked = await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
            Assert.Equal(2, locked.ExitCode);
            Assert.Contains("locked by another writer", locked.Error);
        }

        var missing = await CommandLine.RunAsync("stats", "--index", Path.Combine(_temp.Root, "nowhere"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no index in", missing.Error);
    }

    private async Task<JsonElement> Stats()
    {
        var run = await CommandLine.RunAsync("stats", "--index", _temp.IndexPath, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
