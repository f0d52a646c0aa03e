using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;

namespace SearchService.Indexer.Tests;

public sealed partial class CrashSafetyTests : IDisposable
{
    private const int Documents = 3_000;
    private const int CommitEvery = 200;

    private static readonly string[] Syllables =
        ["kết", "luận", "hội", "nghị", "ban", "chấp", "hành", "đảng", "bộ", "huyện", "nông", "thôn", "mới", "giải", "phóng", "mặt", "bằng", "đầu", "tư", "công", "chuyển", "đổi", "số", "ngân", "sách", "nhà", "nước", "an", "sinh", "xã", "hội", "Thành", "ủy", "UBND", "18-NQ/TU", "35-CT/TW", "năm", "2023", "tháng", "6"];

    private readonly TempIndex _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Killing_the_indexer_at_random_moments_always_leaves_the_last_commit_whole()
    {
        var corpus = WriteCorpus(Path.Combine(_temp.Root, "corpus.jsonl"));
        var random = new Random(2026);
        var kills = 0;
        for (var round = 0; round < 8; round++)
        {
            // Every other run starts from an empty folder, so a crash can always land mid-build however
            // fast the machine indexes; the others resume from the last commit the previous run left.
            if (round % 2 == 0 && Directory.Exists(_temp.IndexPath))
            {
                Directory.Delete(_temp.IndexPath, recursive: true);
            }

            var killAfterCommits = random.Next(1, 6);
            var commitsSeen = new TaskCompletionSource();
            var commits = 0;
            using var process = CommandLine.Start("index", corpus, "--index", _temp.IndexPath, "--commit-every", CommitEvery.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ram-mb", "1");
            var lastCommitted = -1;
            var reader = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (CommittedLine().Match(line) is { Success: true } m)
                    {
                        Volatile.Write(ref lastCommitted, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                        if (++commits == killAfterCommits)
                        {
                            commitsSeen.TrySetResult();
                        }
                    }
                }
            });
            _ = process.StandardError.ReadToEndAsync();

            // Kill somewhere between start-up and the end of the run: mid-flush, mid-merge, mid-commit alike,
            // at a random moment after a random number of commits (or after a random time, whichever is first).
            var delay = random.Next(0, 150);
            await Task.WhenAny(commitsSeen.Task, process.WaitForExitAsync(), Task.Delay(random.Next(400, 3_000)));
            var exited = process.WaitForExit(delay);
            if (!exited)
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no clean-up code runs
                kills++;
            }

            await process.WaitForExitAsync();
            await reader;

            var report = IndexChecker.Check(new IndexDirectory(_temp.IndexPath));
            Assert.True(report.Healthy, $"round {round}: " + string.Join("; ", report.Problems));
            using var snapshot = IndexSnapshot.Open(new IndexDirectory(_temp.IndexPath));

            // Each run commits every 200 new documents from a committed start, so every commit holds a multiple of 200.
            Assert.True(snapshot.LiveCount % CommitEvery == 0, $"round {round}: {snapshot.LiveCount} documents is not a commit boundary");
            Assert.True(snapshot.LiveCount >= lastCommitted, $"round {round}: {snapshot.LiveCount} documents, but the run reported committing {lastCommitted}");
            if (exited)
            {
                Assert.Equal(Documents, snapshot.LiveCount);
            }
        }

        Assert.True(kills >= 3, $"only {kills} of 8 runs were killed before finishing; the corpus is too small to test crashes");

        var final = await CommandLine.RunAsync("index", corpus, "--index", _temp.IndexPath);
        Assert.True(final.ExitCode == 0, final.Error);
        using var last = IndexSnapshot.Open(new IndexDirectory(_temp.IndexPath));
        Assert.Equal(Documents, last.LiveCount);
        Assert.True(IndexChecker.Check(new IndexDirectory(_temp.IndexPath)).Healthy);
    }

    [Theory]
    [InlineData("tim")]
    [InlineData("doc")]
    [InlineData("pos")]
    [InlineData("nrm")]
    [InlineData("fdt")]
    [InlineData("dvd")]
    [InlineData("si")]
    public async Task A_flipped_bit_or_a_truncation_in_any_segment_file_fails_check_naming_the_file(string extension)
    {
        await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
        var file = Directory.EnumerateFiles(_temp.IndexPath, "*." + extension).Single();
        var name = Path.GetFileName(file);
        var original = File.ReadAllBytes(file);

        var flipped = (byte[])original.Clone();
        flipped[original.Length / 2] ^= 0x10;
        File.WriteAllBytes(file, flipped);
        var check = await CommandLine.RunAsync("check", "--index", _temp.IndexPath);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("DAMAGED", check.Error);
        Assert.Contains(name, check.Error);

        File.WriteAllBytes(file, original[..(original.Length - 5)]);
        check = await CommandLine.RunAsync("check", "--index", _temp.IndexPath);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(name, check.Error);

        File.WriteAllBytes(file, original);
        Assert.Equal(0, (await CommandLine.RunAsync("check", "--index", _temp.IndexPath)).ExitCode);
    }

    [Fact]
    public async Task A_damaged_newest_commit_fails_check_and_is_set_aside_only_by_the_rollback_option()
    {
        await CommandLine.RunAsync("index", TempIndex.Samples, "--index", _temp.IndexPath);
        var id = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(TempIndex.Samples, "*.txt").Order(StringComparer.Ordinal).First());
        Assert.Equal(0, (await CommandLine.RunAsync("delete", id, "--index", _temp.IndexPath)).ExitCode);
        var newest = Directory.EnumerateFiles(_temp.IndexPath, "segments_*").Order(StringComparer.Ordinal).Last();
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(newest, bytes);

        var check = await CommandLine.RunAsync("check", "--index", _temp.IndexPath);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains(Path.GetFileName(newest), check.Error);
        Assert.Contains("--rollback-to-last-good", check.Error);
        Assert.NotEqual(0, (await CommandLine.RunAsync("stats", "--index", _temp.IndexPath)).ExitCode);
        Assert.True(File.Exists(newest));

        var rollback = await CommandLine.RunAsync("check", "--rollback-to-last-good", "--index", _temp.IndexPath);
        Assert.Equal(0, rollback.ExitCode);
        Assert.Contains("rolled back from commit", rollback.Output);
        Assert.False(File.Exists(newest));

        var stats = await CommandLine.RunAsync("stats", "--index", _temp.IndexPath, "--json");
        Assert.Equal(0, stats.ExitCode);
        Assert.Equal(Directory.EnumerateFiles(TempIndex.Samples).Count(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)), System.Text.Json.JsonDocument.Parse(stats.Output).RootElement.GetProperty("documents").GetInt32());
    }

    private static string WriteCorpus(string path)
    {
        var random = new Random(7);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var body = new StringBuilder();
        for (var i = 0; i < Documents; i++)
        {
            body.Clear();
            var words = random.Next(150, 450);
            for (var w = 0; w < words; w++)
            {
                body.Append(Syllables[random.Next(Syllables.Length)]).Append(w % 17 == 16 ? ".\n" : " ");
            }

            writer.WriteLine(JsonSerializer.Serialize(new { id = i + 1, title = $"Kết luận số {i + 1}", body = body.ToString(), locality = "Tân Yên", province = "Bắc Giang", level = "huyện", date = "2023-07-05", doc_type = "Kết luận" }));
        }

        return path;
    }

    [GeneratedRegex(@"^committed generation \d+: (\d+) documents")]
    private static partial Regex CommittedLine();
}
