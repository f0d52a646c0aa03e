using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Store;

namespace SearchService.Api.Tests.Endpoints;

/// <summary>
/// Inputs a hostile or careless client sends: each is answered with a 2xx or a ProblemDetails 4xx,
/// and the index stays sound and searchable for everyone afterwards.
/// </summary>
public sealed class HostileInputTests : IClassFixture<ServiceFactory>
{
    private readonly ServiceFactory _factory;
    private readonly HttpClient _reader;
    private readonly HttpClient _writer;

    public HostileInputTests(ServiceFactory factory)
    {
        _factory = factory;
        _reader = factory.CreateClient();
        _writer = factory.CreateWriter();
    }

    [Fact]
    public async Task One_enormous_word_in_a_document_does_not_break_search_for_everyone()
    {
        var put = await _writer.PutAsJsonAsync("/api/documents/long-word", new { text = "KET LUAN nong thon " + new string('q', 65_537) });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        foreach (var query in new[] { "thon", "tinh", "ubnd", "q*" })
        {
            var search = await _reader.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        var hits = await _reader.GetFromJsonAsync<JsonElement>("/api/search?q=thon&pageSize=100");
        Assert.Contains(hits.GetProperty("hits").EnumerateArray(), h => h.GetProperty("id").GetString() == "long-word");
        Assert.Empty(IndexChecker.Check(new IndexDirectory(_factory.IndexPath)).Problems);
    }

    [Fact]
    public async Task A_keyword_over_the_term_limit_is_refused_with_the_limit_and_nothing_is_written()
    {
        // A cited code is indexed whole as one keyword term; this one is 40,000 characters long.
        var text = "HUYỆN ỦY TÂN YÊN\n\nKẾT LUẬN\nThực hiện Nghị quyết số 18-NQ/" + new string('T', 40_000) + " về giải phóng mặt bằng.";
        var put = await _writer.PutAsJsonAsync("/api/documents/long-code", new { text });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("32,766", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/documents/long-code")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync("/api/search?q=giai+phong")).StatusCode);
        Assert.Empty(IndexChecker.Check(new IndexDirectory(_factory.IndexPath)).Problems);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a\u202Eb")]
    [InlineData("a\u200Bb")]
    [InlineData("\uFEFFa")]
    public async Task Ids_that_cannot_be_used_afterwards_are_refused(string id)
    {
        var post = await _writer.PostAsJsonAsync("/api/documents", new { id, text = "Kết luận về nông thôn mới" });

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal("id", (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("a%2Fb")]
    [InlineData("a%5cb")]
    public async Task An_escaped_slash_in_the_path_is_refused_not_stored_as_percent_text(string escaped)
    {
        var put = await _writer.PutAsJsonAsync("/api/documents/" + escaped, new { text = "Kết luận về nông thôn mới" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal("id", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/documents/" + escaped)).StatusCode);
    }

    [Fact]
    public async Task A_file_name_that_makes_a_dot_id_is_refused()
    {
        var post = await _writer.PostAsJsonAsync("/api/documents", new { fileName = "a/..", text = "Kết luận về nông thôn mới" });

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task A_docx_with_a_dtd_is_an_unreadable_document_not_a_server_error()
    {
        var bytes = ZipOf("word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>");
        var response = await Upload("dtd.docx", bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("file", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_random_bytes_pdf_is_refused_with_a_short_reason()
    {
        var bytes = new byte[20_000];
        new Random(5).NextBytes(bytes);
        var response = await Upload("noise.pdf", bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.True(detail.Length < 400, detail);
    }

    [Fact]
    public async Task An_empty_upload_is_refused_like_an_empty_text()
    {
        var response = await Upload("empty.txt", []);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"got {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/documents/empty")).StatusCode);
        var json = await _writer.PostAsJsonAsync("/api/documents", new { id = "empty", text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
    }

    [Fact]
    public async Task Multipart_bodies_without_a_boundary_or_cut_short_are_bad_requests()
    {
        using var noBoundary = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nkết luận\r\n--x--\r\n"));
        noBoundary.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        var response = await _writer.PostAsync("/api/documents", noBoundary);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        using var cutShort = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nkết luận về nông thôn"));
        cutShort.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        response = await _writer.PostAsync("/api/documents", cutShort);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Json_type_errors_do_not_name_the_services_types()
    {
        using var body = new StringContent("{\"text\": 5}", Encoding.UTF8, "application/json");
        var response = await _writer.PostAsync("/api/documents", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.DoesNotContain("SearchService.", detail, StringComparison.Ordinal);
        Assert.Contains("text", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_refuses_a_line_of_invalid_utf8_as_the_single_endpoint_does()
    {
        var good = Encoding.UTF8.GetBytes("{\"id\":\"bulk-utf8-ok\",\"text\":\"Kết luận về nông thôn mới\"}\n");
        var bad = Encoding.UTF8.GetBytes("{\"id\":\"bulk-utf8-bad\",\"text\":\"K").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("t lu\"}\n")).ToArray();
        using var body = new ByteArrayContent([.. good, .. bad]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-ndjson");
        var response = await _writer.PostAsync("/api/documents/bulk", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal("added", lines[0].GetProperty("status").GetString());
        Assert.Equal("failed", lines[1].GetProperty("status").GetString());
        Assert.Contains("UTF-8", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/documents/bulk-utf8-bad")).StatusCode);
    }

    [Fact]
    public async Task A_query_too_long_for_a_url_can_be_posted_and_answers_as_the_get_does()
    {
        // 999 characters, over 8 KiB once percent-encoded: more than the default request line holds.
        var words = "giải phóng mặt bằng OR " + new string('ễ', 976);
        Assert.Equal(999, words.Length);

        var posted = await _reader.PostAsJsonAsync("/api/search", new { q = words, pageSize = 5 });
        Assert.True(posted.StatusCode == HttpStatusCode.OK, await posted.Content.ReadAsStringAsync());
        var viaGet = await _reader.GetFromJsonAsync<JsonElement>("/api/search?pageSize=5&q=" + Uri.EscapeDataString(words));
        var viaPost = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(viaGet.GetProperty("total").GetInt64(), viaPost.GetProperty("total").GetInt64());
        Assert.Equal(
            viaGet.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()),
            viaPost.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()));

        var tooLong = await _reader.PostAsJsonAsync("/api/search", new { q = new string('a', 5_000) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("q", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    private async Task<HttpResponseMessage> Upload(string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        form.Add(file, "file", name);
        return await _writer.PostAsync("/api/documents", form);
    }

    private static byte[] ZipOf(string entry, string content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(content);
        }

        return buffer.ToArray();
    }
}
