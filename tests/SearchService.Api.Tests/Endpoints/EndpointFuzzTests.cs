using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Store;

namespace SearchService.Api.Tests.Endpoints;

/// <summary>
/// Every endpoint's parameters and bodies, generated: adversarial query text (deep parentheses,
/// a thousand clauses, wide prefixes and fuzzy terms, control and combining characters, lone
/// surrogates, quotes and operators), ids with path characters, broken JSON and NDJSON, files
/// that are not what their names say. Every answer must be a 2xx, or a 4xx/503 ProblemDetails;
/// never a 500; and the index checks sound afterwards.
/// </summary>
public sealed class EndpointFuzzTests : IClassFixture<ServiceFactory>
{
    private static readonly string[] Pieces =
    [
        "nông thôn mới", "giai phong mat bang", "18-NQ/TU", "\"", "(", ")", "((((((((((", "))))))))", "AND", "OR", "NOT", "-", "+",
        "*", "t*", "a*", "~", "nong~2", "\"chuyển đổi số\"~3", "locality:", "date:[2023 TO 2024]", "year:>2020", ":", "\\", "%",
        "\u0000", "\u0007", "\u0301\u0301\u0301", "\uD800", "\uDC00", "\uFEFF", "\u202E", "\u200B", "ễ", "Ð", " ", "  ", "\n", "\t",
        "code:35-CT/TW", "type:conclusion", "UBND", "GPMB", "1/2000", "11.225,4", "05/7/2023", "XVIII", "😀", "{", "}", "[", "]",
    ];

    private static readonly Gen<string> Text =
        Gen.Frequency(
            (6, Gen.OneOf(Pieces).Array[0, 12].Select(parts => string.Join(' ', parts))),
            (2, Gen.Char.Array[0, 40].Select(chars => new string(chars))),
            (1, Gen.Int[1, 1_200].Select(n => string.Concat(Enumerable.Repeat("t* ", n)))),
            (1, Gen.Int[1, 3_000].Select(n => new string('(', n) + "x" + new string(')', n))),
            (1, Gen.Int[1, 1_100].Select(n => string.Join(" OR ", Enumerable.Range(0, n).Select(i => "w" + i)))));

    private static readonly Gen<string?> Number = Gen.Frequency(
        (3, Gen.Int.Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf<string?>([null, "x", "99999999999999999999", "-1", "0"])));

    private readonly ServiceFactory _factory;
    private readonly HttpClient _reader;
    private readonly HttpClient _writer;

    public EndpointFuzzTests(ServiceFactory factory)
    {
        _factory = factory;
        _reader = factory.CreateClient();
        _writer = factory.CreateWriter();
    }

    [Fact]
    public async Task Generated_reads_are_answered_with_a_result_or_a_problem_never_a_server_error()
    {
        var gen = Gen.Select(Gen.Int[0, 9], Text, Text, Number);
        await gen.SampleAsync(
            async (endpoint, a, b, n) =>
            {
                var q = Uri.EscapeDataString(endpoint is 5 or 6 ? Utf8Safe(a).Replace("\0", "", StringComparison.Ordinal) : Utf8Safe(a));
                var other = Uri.EscapeDataString(Utf8Safe(b));
                var url = endpoint switch
                {
                    0 => $"/api/search?q={q}",
                    1 => $"/api/search?q={q}&locality={other}&sort={other}&page={n}&pageSize={n}",
                    2 => $"/api/search?q={q}&from={other}&to={other}&after={other}&explain=true&strict=true",
                    3 => $"/api/suggest?q={q}&limit={n}",
                    4 => $"/api/analyze?text={q}&chain={other}",
                    5 => $"/api/documents/{q}",
                    6 => $"/api/documents/{q}/similar?count={n}",
                    7 => $"/api/references?code={q}&issuer={other}",
                    8 => $"/api/references/top?kind={q}&province={other}&limit={n}",
                    _ => $"/api/search?q={q}&code={other}&level={other}&type={other}",
                };
                using var response = await _reader.GetAsync(url);
                await AssertAnsweredAsync(response, "GET " + url);
            },
            iter: 300,
            threads: 1);

        await gen.SampleAsync(
            async (_, a, b, n) =>
            {
                using var body = new StringContent($"{{\"q\": {Json(a)}, \"locality\": {Json(b)}, \"page\": {n ?? "null"}, \"pageSize\": {n ?? "1"}}}", Encoding.UTF8, "application/json");
                using var response = await _reader.PostAsync("/api/search", body);
                await AssertAnsweredAsync(response, "POST /api/search " + a);
            },
            iter: 60,
            threads: 1);
    }

    [Fact]
    public async Task Generated_writes_are_answered_with_a_result_or_a_problem_and_the_index_stays_sound()
    {
        var bodies = Gen.OneOf(
            Text.Select(t => $"{{\"id\": {Json(t)}, \"text\": \"Kết luận về nông thôn mới\"}}"),
            Text.Select(t => $"{{\"text\": {Json(t)}}}"),
            Text.Select(t => $"{{\"fileName\": {Json(t)}, \"text\": {Json(t)}}}"),
            Text.Select(t => t),
            Gen.OneOf(["{\"text\": 5}", "[]", "null", "{", "{\"text\": \"\\ud800\"}"]));
        var files = Gen.Select(Gen.OneOf([".txt", ".md", ".docx", ".pdf", ".exe", ""]), Gen.Byte.Array[0, 3_000]);
        var gen = Gen.Select(Gen.Int[0, 4], bodies, files, Text);
        await gen.SampleAsync(
            async (kind, body, file, id) =>
            {
                // A NUL in the path is refused by Kestrel before the service sees it; the test host cannot even send it.
                var path = "/api/documents/" + Uri.EscapeDataString(Utf8Safe(id).Replace("\0", "", StringComparison.Ordinal));
                HttpResponseMessage response;
                switch (kind)
                {
                    case 0:
                        response = await _writer.PostAsync("/api/documents", new StringContent(body, Encoding.UTF8, "application/json"));
                        break;
                    case 1:
                        response = await _writer.PutAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
                        break;
                    case 2:
                    {
                        var ndjson = new ByteArrayContent(Encoding.UTF8.GetBytes(body + "\n" + body.Replace("{", "", StringComparison.Ordinal) + "\n{\"text\":\"Thông báo kết luận\"}\n"));
                        ndjson.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
                        response = await _writer.PostAsync("/api/documents/bulk", ndjson);
                        break;
                    }

                    case 3:
                    {
                        var form = new MultipartFormDataContent { { new ByteArrayContent(file.Item2), "file", "fuzz" + file.Item1 } };
                        response = await _writer.PostAsync("/api/documents", form);
                        break;
                    }

                    default:
                        response = await _writer.DeleteAsync(path);
                        break;
                }

                using (response)
                {
                    await AssertAnsweredAsync(response, $"write kind {kind}: {body}");
                }
            },
            iter: 200,
            threads: 1);

        var report = IndexChecker.Check(new IndexDirectory(_factory.IndexPath));
        Assert.True(report.Healthy, string.Join("; ", report.Problems));
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/api/search?q=nong+thon")).StatusCode);
    }

    private static async Task AssertAnsweredAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var content = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 200 and < 300 or >= 400 and < 500 or 503, $"{status} for {Shorten(what)}: {Shorten(content)}");
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} without ProblemDetails for {Shorten(what)}: {Shorten(content)}");
        }
    }

    /// <summary>A query string holds UTF-8: a lone surrogate cannot be sent at all, so it goes as U+FFFD (as a browser sends it).</summary>
    private static string Utf8Safe(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(Utf8Safe(text));

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
