using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>bench http --url URL --queries Q.tsv [--connections 2,16] [--seconds 20] [--warmup 3]</c>: a bounded
/// loopback load on a running service's <c>/api/search</c>: N clients, each sending the next
/// query as soon as its previous answer arrived, for a fixed time; prints requests/s and the
/// latency percentiles per connection count. Non-200 answers are counted and reported. With
/// <c>--server-pid</c> (a service on the same machine) it also prints the service's processor
/// time per request over the timed part, the figure that bounds requests/s once every core is busy.
/// </summary>
public static class HttpBenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The service's base URL.", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var queries = new Option<string>("--queries") { Description = "Query set: id, kind, query (header skipped); each query becomes q=… on /api/search.", Required = true };
        var connections = new Option<string>("--connections") { Description = "Concurrent clients, comma-separated.", DefaultValueFactory = _ => "2,16" };
        var seconds = new Option<double>("--seconds") { Description = "Timed seconds per connection count (after the warm-up).", DefaultValueFactory = _ => 20 };
        var warmup = new Option<double>("--warmup")
        {
            Description = "Untimed seconds of the same load before each timed part. A freshly started service spends its first ~10 s under load recompiling its hot code (tiered JIT): a longer warm-up measures it settled.",
            DefaultValueFactory = _ => 3,
        };
        var lanes = new Option<string?>("--lanes")
        {
            Description = "Mixed load instead of --connections: lanes separated by ';', each 'kind,kind:clients' (e.g. \"or,and,phrase:8;rare:8\"), all at once; figures per lane.",
        };
        var serverPid = new Option<int?>("--server-pid") { Description = "The service's process id (same machine): also print its CPU milliseconds per request over the timed part." };
        var command = new Command("http", "Requests/s and latency of a running service's search endpoint under a bounded loopback load.") { url, queries, connections, seconds, warmup, lanes, serverPid };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var rows = BenchQuery.ReadFile(parse.GetValue(queries)!);
            var texts = rows.ConvertAll(q => q.Text);
            if (parse.GetValue(lanes) is { Length: > 0 } mix)
            {
                return await MixedAsync(parse.GetValue(url)!, rows, mix, TimeSpan.FromSeconds(parse.GetValue(warmup)), TimeSpan.FromSeconds(parse.GetValue(seconds)), cancellationToken);
            }

            var counts = parse.GetValue(connections)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = counts.Max(), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(parse.GetValue(url)!),
                Timeout = TimeSpan.FromSeconds(60),
            };
            using var server = parse.GetValue(serverPid) is { } pid ? Process.GetProcessById(pid) : null;
            Console.WriteLine("clients  requests/s   p50 ms   p95 ms   p99 ms   errors" + (server is null ? "" : "   server CPU ms/request"));
            foreach (var count in counts)
            {
                await Load(client, texts, count, TimeSpan.FromSeconds(parse.GetValue(warmup)), null, cancellationToken);
                var samples = new List<double>();
                server?.Refresh();
                var cpuBefore = server?.TotalProcessorTime ?? TimeSpan.Zero;
                var (requests, errors, wall) = await Load(client, texts, count, TimeSpan.FromSeconds(parse.GetValue(seconds)), samples, cancellationToken);
                server?.Refresh();
                var cpu = server is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  {(server.TotalProcessorTime - cpuBefore).TotalMilliseconds / requests,22:0.00}");
                samples.Sort();
                double P(double p) => LatencyPercentile.Of(samples, p);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count,7}  {requests / wall,10:0.0}  {P(50),7:0.00}  {P(95),7:0.00}  {P(99),7:0.00}  {errors,7}") + cpu);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Several lanes of clients at once, each sending its own kinds of query; figures per lane.</summary>
    private static async Task<int> MixedAsync(string url, List<BenchQuery> rows, string mix, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var lanes = mix.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(lane =>
        {
            var colon = lane.LastIndexOf(':');
            var kinds = lane[..colon].Split(',', StringSplitOptions.TrimEntries);
            var texts = rows.Where(r => kinds.Contains(r.Kind, StringComparer.Ordinal)).Select(r => r.Text).ToList();
            if (texts.Count == 0)
            {
                throw new ArgumentException($"no query of kind {lane[..colon]} in the query set");
            }

            return (Name: lane[..colon], Clients: int.Parse(lane[(colon + 1)..], CultureInfo.InvariantCulture), Texts: texts);
        }).ToList();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = lanes.Sum(l => l.Clients), PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
        await Task.WhenAll(lanes.Select(l => Load(client, l.Texts, l.Clients, warmup, null, cancellationToken)));
        var samples = lanes.Select(_ => new List<double>()).ToList();
        var results = await Task.WhenAll(lanes.Select((l, i) => Load(client, l.Texts, l.Clients, duration, samples[i], cancellationToken)));
        Console.WriteLine("lane                    clients  requests/s   p50 ms   p95 ms   p99 ms   errors");
        for (var i = 0; i < lanes.Count; i++)
        {
            samples[i].Sort();
            double P(double p) => LatencyPercentile.Of(samples[i], p);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lanes[i].Name,-22}  {lanes[i].Clients,7}  {results[i].Requests / results[i].Seconds,10:0.0}  {P(50),7:0.00}  {P(95),7:0.00}  {P(99),7:0.00}  {results[i].Errors,7}"));
        }

        return 0;
    }

    private static async Task<(int Requests, int Errors, double Seconds)> Load(HttpClient client, List<string> texts, int clients, TimeSpan duration, List<double>? samples, CancellationToken cancellationToken)
    {
        var requests = 0;
        var errors = 0;
        var gate = new Lock();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(async c =>
        {
            var i = c;
            while (Stopwatch.GetElapsedTime(started) < duration && !cancellationToken.IsCancellationRequested)
            {
                var path = "/api/search?q=" + Uri.EscapeDataString(texts[i++ % texts.Count]);
                var before = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, cancellationToken);
                _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                var ms = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                lock (gate)
                {
                    requests++;
                    if (!response.IsSuccessStatusCode)
                    {
                        errors++;
                    }

                    samples?.Add(ms);
                }
            }
        });
        await Task.WhenAll(workers);
        return (requests, errors, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
