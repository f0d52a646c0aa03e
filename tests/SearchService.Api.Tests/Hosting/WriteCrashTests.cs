using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SearchService.Api.Tests.Browser;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Store;
using Xunit.Abstractions;

namespace SearchService.Api.Tests.Hosting;

/// <summary>
/// The service as a real process under writes from a client, killed with SIGKILL at random
/// moments and started again: every write that was answered 2xx is there afterwards, a write that
/// got no answer is there whole or not at all, and the index checks sound. And searches keep
/// answering while a bulk load runs.
/// </summary>
public sealed class WriteCrashTests : IDisposable
{
    private const string Key = "crash-test-key-0123456789";
    private readonly TempFolder _scratch = new("ss-crash");
    private readonly ITestOutputHelper _output;

    public WriteCrashTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        _scratch.Dispose();
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_twenty_kills_and_unanswered_ones_are_whole_or_absent()
    {
        var random = new Random(20);
        var acknowledged = new Dictionary<string, string>(StringComparer.Ordinal);
        var writes = 0;
        var service = await StartAsync();
        for (var round = 0; round < 20; round++)
        {
            using var client = Client(service);

            // Writes from one client, one at a time, until the kill: the request in flight then is the only unanswered one.
            using var stop = new CancellationTokenSource();
            var inFlight = new List<(string Id, string Marker)>();
            var writer = Task.Run(async () =>
            {
                var local = new Random(round);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var batch = Enumerable.Range(0, local.Next(2) == 0 ? 1 : 6)
                        .Select(_ => ($"doc-{local.Next(40)}", $"r{round}n{n}x{local.Next(1_000_000)}"))
                        .DistinctBy(w => w.Item1)
                        .ToList();
                    lock (inFlight)
                    {
                        inFlight.Clear();
                        inFlight.AddRange(batch);
                    }

                    HttpResponseMessage response;
                    try
                    {
                        response = batch.Count == 1
                            ? await client.PutAsJsonAsync($"/api/documents/{batch[0].Item1}", new { text = Text(batch[0].Item2) })
                            : await client.PostAsync("/api/documents/bulk", Ndjson(batch));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        return; // the service died with this request in flight
                    }

                    Assert.True(response.IsSuccessStatusCode, $"round {round}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    lock (inFlight)
                    {
                        foreach (var (id, marker) in batch)
                        {
                            acknowledged[id] = marker;
                        }

                        inFlight.Clear();
                        writes++;
                    }
                }
            });

            // Kill at a random moment once this round has had a write answered, so every round
            // exercises the writer however slow the machine is.
            var before = writes;
            for (var waited = 0; Volatile.Read(ref writes) == before && waited < 60_000 && !writer.IsCompleted; waited += 20)
            {
                await Task.Delay(20);
            }

            await Task.Delay(random.Next(0, 400));
            service.Kill();
            stop.Cancel();
            await writer;
            service.Dispose();

            service = await StartAsync();
            using var check = Client(service);
            List<(string Id, string Marker)> pending;
            lock (inFlight)
            {
                pending = [.. inFlight];
            }

            await VerifyAsync(check, acknowledged, pending, round);
            foreach (var (id, marker) in pending)
            {
                // Whatever landed is now the state to expect (VerifyAsync showed it is all or nothing).
                var body = await BodyAsync(check, id);
                if (body?.Contains(marker, StringComparison.Ordinal) == true)
                {
                    acknowledged[id] = marker;
                }
            }
        }

        service.Dispose();
        _output.WriteLine($"{writes} acknowledged write requests over 20 kills; {acknowledged.Count} documents checked");
        Assert.True(writes >= 20, $"only {writes} writes were acknowledged in 20 rounds");
        var report = IndexChecker.Check(new IndexDirectory(_scratch.Path));
        Assert.True(report.Healthy, string.Join("; ", report.Problems));
    }

    [Fact]
    public async Task Searches_keep_answering_while_ten_thousand_documents_are_loaded_in_bulk()
    {
        using var service = await StartAsync();
        using var writer = Client(service);
        using var reader = Client(service);
        using var loading = new CancellationTokenSource();
        var latencies = new List<double>();
        var failures = new List<string>();
        var queries = new[] { "nông thôn mới", "giai phong mat bang", "\"chuyển đổi số\"", "thon*", "18-NQ/TU", "kết luận OR thông báo" };
        var searches = Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; !loading.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await reader.GetAsync("/api/search?q=" + Uri.EscapeDataString(queries[i % queries.Length]));
                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{(int)response.StatusCode} for {queries[i % queries.Length]}");
                    }
                }
            }
        })).ToList();

        var random = new Random(3);
        for (var batch = 0; batch < 20; batch++)
        {
            var lines = Enumerable.Range(batch * 500, 500).Select(i => ($"load-{i}", $"m{i}x{random.Next(1_000_000)}")).ToList();
            using var response = await writer.PostAsync("/api/documents/bulk", Ndjson(lines));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        loading.Cancel();
        await Task.WhenAll(searches);

        var total = (await reader.GetFromJsonAsync<JsonElement>("/api/search?q=load&pageSize=1")).GetProperty("total");
        Assert.Empty(failures);
        Assert.True(latencies.Count > 20, $"only {latencies.Count} searches ran during the load");
        latencies.Sort();
        _output.WriteLine(FormattableString.Invariant(
            $"{latencies.Count} searches during a 10,000-document bulk load: p50 {latencies[latencies.Count / 2]:0.0} ms, p99 {latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1]:0.0} ms; total for 'load' afterwards {total}"));
        var count = (await reader.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("documents").GetInt32();
        Assert.True(count >= 10_000, $"{count} documents after the load");
    }

    private static string Text(string marker) =>
        $"ĐẢNG BỘ TỈNH BẮC GIANG\nHUYỆN ỦY TÂN YÊN\n\nKẾT LUẬN\nvề công tác giải phóng mặt bằng và nông thôn mới, bản {marker}.\nload nông thôn mới chuyển đổi số";

    private static ByteArrayContent Ndjson(IEnumerable<(string Id, string Marker)> lines)
    {
        var body = new StringBuilder();
        foreach (var (id, marker) in lines)
        {
            body.Append(JsonSerializer.Serialize(new { id, text = Text(marker) })).Append('\n');
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static async Task VerifyAsync(HttpClient client, Dictionary<string, string> acknowledged, List<(string Id, string Marker)>? inFlight, int round)
    {
        var landed = 0;
        foreach (var (id, marker) in inFlight ?? [])
        {
            landed += (await BodyAsync(client, id))?.Contains(marker, StringComparison.Ordinal) == true ? 1 : 0;
        }

        Assert.True(landed == 0 || landed == inFlight!.Count, $"round {round}: {landed} of {inFlight?.Count} documents of one unanswered request landed");
        foreach (var (id, marker) in acknowledged)
        {
            var body = await BodyAsync(client, id);
            var later = inFlight?.FirstOrDefault(w => w.Id == id).Marker;
            Assert.True(
                body is not null && (body.Contains(marker, StringComparison.Ordinal) || (later is not null && body.Contains(later, StringComparison.Ordinal))),
                $"round {round}: acknowledged write {marker} of {id} is lost (found: {body ?? "no document"})");
        }
    }

    private static async Task<string?> BodyAsync(HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/documents/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("body").GetString();
    }

    private Task<SearchServiceProcess> StartAsync() => SearchServiceProcess.StartAsync(
        CancellationToken.None,
        _scratch.Path,
        new Dictionary<string, string>
        {
            ["SearchService__ApiKey"] = Key,
            ["SearchService__SamplesPath"] = "",
            ["SearchService__RequestsPerMinute"] = "0",
        });

    private static HttpClient Client(SearchServiceProcess service)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }
}
