using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SearchService.Api.Tests.Browser;

namespace SearchService.Api.Tests.Hosting;

/// <summary>
/// Request lines Kestrel's parser would refuse with an empty 400 before any middleware, sent as
/// raw bytes to the service running as a process (the in-process test host has no Kestrel).
/// </summary>
public sealed class RequestLineGuardTests : IAsyncLifetime
{
    private SearchServiceProcess? _service;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _service = await SearchServiceProcess.StartAsync(timeout.Token, environment: new Dictionary<string, string> { ["SearchService__RequestsPerMinute"] = "0" });
    }

    public Task DisposeAsync()
    {
        _service?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Raw_utf8_in_the_query_string_searches_as_its_percent_encoded_form_does()
    {
        var raw = await SendAsync(Encoding.UTF8.GetBytes("GET /api/search?q=nông thôn&pageSize=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        var encoded = await SendAsync(Encoding.ASCII.GetBytes("GET /api/search?q=n%C3%B4ng%20th%C3%B4n&pageSize=3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

        Assert.Equal(200, raw.Status);
        Assert.Equal(Hits(encoded.Body), Hits(raw.Body));
        Assert.NotEmpty(Hits(raw.Body));
    }

    [Fact]
    public async Task Raw_bytes_that_are_not_utf8_in_the_query_string_are_a_problem_not_an_empty_400()
    {
        var response = await SendAsync([.. "GET /api/search?q="u8, 0xFF, 0xFE, .. " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"u8]);

        Assert.InRange(response.Status, 200, 499);
        if (response.Status >= 400)
        {
            AssertProblem(response, "q");
        }
    }

    [Fact]
    public async Task A_nul_in_a_document_id_is_a_problem_naming_the_id()
    {
        var response = await SendAsync("GET /api/documents/a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"u8.ToArray());

        Assert.Equal(400, response.Status);
        AssertProblem(response, "id");
    }

    [Fact]
    public async Task The_guard_follows_bodies_on_a_kept_alive_connection_and_leaves_them_as_sent()
    {
        // A JSON body holding what would look like a request line, then a second request on the same connection.
        var body = Encoding.UTF8.GetBytes("{\"q\": \"GET /api/documents/%00 HTTP/1.1 nông\"}");
        var bytes = Encoding.ASCII.GetBytes($"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n")
            .Concat(body)
            .Concat(Encoding.ASCII.GetBytes("GET /api/documents/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
            .ToArray();

        var text = Encoding.UTF8.GetString(await SendRawAsync(bytes));

        var statuses = System.Text.RegularExpressions.Regex.Matches(text, @"HTTP/1\.1 (\d{3})").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["200", "400"], statuses);
        Assert.Contains("\"parameter\":\"id\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(70_000)]
    [InlineData(200_000)]
    public async Task A_request_line_over_the_limit_is_a_414_problem_pointing_to_post_and_the_connection_goes_on(int length)
    {
        var q = new string('q', length);
        var bytes = Encoding.ASCII.GetBytes($"GET /api/search?q={q} HTTP/1.1\r\nHost: x\r\n\r\n"
            + "GET /api/search?q=thon HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        var text = Encoding.UTF8.GetString(await SendRawAsync(bytes));

        var statuses = System.Text.RegularExpressions.Regex.Matches(text, @"HTTP/1\.1 (\d{3})").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["414", "200"], statuses);
        Assert.Contains("application/problem+json", text, StringComparison.Ordinal);
        Assert.Contains("POST /api/search", text, StringComparison.Ordinal);
    }

    private static List<string> Hits(string body) =>
        [.. JsonDocument.Parse(body).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!)];

    private static void AssertProblem((int Status, string ContentType, string Body) response, string parameter)
    {
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal(response.Status, problem.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    private async Task<(int Status, string ContentType, string Body)> SendAsync(byte[] request)
    {
        var bytes = await SendRawAsync(request);
        var headEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(headEnd > 0, $"no HTTP answer: '{Encoding.UTF8.GetString(bytes)}'");
        var head = Encoding.ASCII.GetString(bytes, 0, headEnd).Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var contentType = head.FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))?[13..].Trim() ?? "";
        var body = bytes[(headEnd + 4)..];
        if (head.Any(h => h.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = Dechunk(body);
        }

        return (status, contentType, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var result = new List<byte>();
        var at = 0;
        while (true)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, lineEnd - at), 16);
            if (size == 0)
            {
                return [.. result];
            }

            result.AddRange(chunked.AsSpan(lineEnd + 2, size));
            at = lineEnd + 2 + size + 2;
        }
    }

    private async Task<byte[]> SendRawAsync(byte[] request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_service!.BaseAddress.Host, _service.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(request);
        using var answer = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await stream.CopyToAsync(answer, timeout.Token); // every request closes the connection
        return answer.ToArray();
    }
}
