using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SearchService.Api.Tests.Endpoints;

public sealed class DocumentEndpointTests : IClassFixture<ServiceFactory>
{
    private const string NewConclusion = """
        ĐẢNG BỘ TỈNH BẮC GIANG
        HUYỆN ỦY TÂN YÊN
        Số 77-KL/HU

        KẾT LUẬN
        HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN LẦN THỨ 9, KHÓA XXIII
        về công tác giải phóng mặt bằng năm 2024

        Tân Yên, ngày 12 tháng 3 năm 2024

        Hội nghị thống nhất đẩy nhanh giải phóng mặt bằng theo Nghị quyết số 18-NQ/TU của Tỉnh ủy.
        """;

    private readonly ServiceFactory _factory;
    private readonly HttpClient _reader;
    private readonly HttpClient _writer;

    public DocumentEndpointTests(ServiceFactory factory)
    {
        _factory = factory;
        _reader = factory.CreateClient();
        _writer = factory.CreateWriter();
    }

    [Fact]
    public async Task The_samples_are_indexed_on_first_start_and_readable_by_id()
    {
        var ready = await _reader.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal(TestCorpus.SampleCount, ready.GetProperty("documents").GetInt32());

        var id = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(TestCorpus.SampleDirectory, "*.txt").Order(StringComparer.Ordinal).First());
        var record = await _reader.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
        Assert.Equal(id, record.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("body").GetString()));
        Assert.True(record.GetProperty("references").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Posting_a_document_makes_it_readable_then_put_replaces_it_and_delete_removes_it()
    {
        var created = await _writer.PostAsJsonAsync("/api/documents", new { id = "kl-tan-yen-test", text = NewConclusion });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/documents/kl-tan-yen-test", created.Headers.Location?.OriginalString);
        var record = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tân Yên", record.GetProperty("locality").GetString());
        Assert.Equal("conclusion", record.GetProperty("type").GetString());

        var again = await _writer.PostAsJsonAsync("/api/documents", new { id = "kl-tan-yen-test", text = NewConclusion });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("PUT /api/documents/kl-tan-yen-test", (await Problem(again)).GetProperty("detail").GetString());

        var replaced = await _writer.PutAsJsonAsync("/api/documents/kl-tan-yen-test", new { text = NewConclusion.Replace("năm 2024", "năm 2025", StringComparison.Ordinal) });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var read = await _reader.GetFromJsonAsync<JsonElement>("/api/documents/kl-tan-yen-test");
        Assert.Contains("năm 2025", read.GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync("/api/documents/kl-tan-yen-test")).StatusCode);
        var gone = await _reader.GetAsync("/api/documents/kl-tan-yen-test");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("id", (await Problem(gone)).GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.DeleteAsync("/api/documents/kl-tan-yen-test")).StatusCode);
    }

    [Fact]
    public async Task A_multipart_upload_is_extracted_and_an_unsupported_type_is_refused()
    {
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(NewConclusion)), "file", "kl-upload-test.md" },
        };
        var created = await _writer.PostAsync("/api/documents", upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("kl-upload-test", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());

        using var wrong = new MultipartFormDataContent
        {
            { new ByteArrayContent([1, 2, 3]), "file", "bang-tinh.xlsx" },
        };
        var refused = await _writer.PostAsync("/api/documents", wrong);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        var problem = await Problem(refused);
        Assert.Contains("bang-tinh.xlsx", problem.GetProperty("detail").GetString());
        Assert.Equal("file", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Writes_need_the_right_key_and_say_how_to_get_one()
    {
        var missing = await _reader.PostAsJsonAsync("/api/documents", new { text = NewConclusion });
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("X-Api-Key", (await Problem(missing)).GetProperty("detail").GetString());

        using var wrongKey = _factory.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        var wrong = await wrongKey.DeleteAsync("/api/documents/anything");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("Wrong API key", (await Problem(wrong)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_bodies_are_problem_details_that_say_what_and_where()
    {
        var noText = await _writer.PostAsJsonAsync("/api/documents", new { id = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Equal("text", (await Problem(noText)).GetProperty("parameter").GetString());

        var badId = await _writer.PostAsJsonAsync("/api/documents", new { id = "a/b", text = NewConclusion });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("'/'", (await Problem(badId)).GetProperty("detail").GetString());

        var notJson = await _writer.PostAsync("/api/documents", new StringContent("{ \"text\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var notJsonProblem = await Problem(notJson);
        Assert.Equal("Body is not valid JSON", notJsonProblem.GetProperty("title").GetString());
        Assert.Contains("not well-formed JSON", notJsonProblem.GetProperty("detail").GetString());

        // A value of the wrong type is told apart from text that is not JSON, and says where it is.
        var wrongType = await _writer.PostAsync("/api/documents", new StringContent("{ \"text\": 5 }", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var wrongTypeDetail = (await Problem(wrongType)).GetProperty("detail").GetString();
        Assert.Contains("a value of the wrong type at $.text", wrongTypeDetail);
        Assert.DoesNotContain("SearchService", wrongTypeDetail);

        var plain = await _writer.PostAsync("/api/documents", new StringContent(NewConclusion, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);

        var huge = new ByteArrayContent(new byte[33 * 1024 * 1024]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var tooBig = await _writer.PostAsync("/api/documents", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    [Fact]
    public async Task Bulk_ndjson_reports_each_line_and_commits_the_good_ones()
    {
        var body = string.Join('\n',
            JsonSerializer.Serialize(new { id = "bulk-1", text = NewConclusion }),
            "not json",
            JsonSerializer.Serialize(new { id = "bulk-2", text = "" }),
            JsonSerializer.Serialize(new { fileName = "bulk-3.txt", text = NewConclusion.Replace("77-KL", "78-KL", StringComparison.Ordinal) }));
        var response = await _writer.PostAsync("/api/documents/bulk", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(["added", "failed", "failed", "added"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(2, results[1].GetProperty("line").GetInt32());
        Assert.Equal("bulk-3", results[3].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/api/documents/bulk-3")).StatusCode);
    }

    [Fact]
    public async Task Similar_documents_exclude_the_document_itself()
    {
        var id = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(TestCorpus.SampleDirectory, "*.txt").Order(StringComparer.Ordinal).First());
        var similar = await _reader.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/similar");
        Assert.True(similar.GetArrayLength() > 0);
        Assert.DoesNotContain(similar.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/documents/khong-co/similar")).StatusCode);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
