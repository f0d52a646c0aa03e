using System.Net;
using System.Net.Http.Json;
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
}
