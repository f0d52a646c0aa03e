using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Api.Tests.Endpoints;

public sealed class AnalyzeEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Analyze_returns_tokens_with_exact_offsets_into_the_text()
    {
        const string text = "Thành uỷ chỉ đạo GPMB";
        var tokens = await _client.GetFromJsonAsync<JsonElement>($"/api/analyze?text={Uri.EscapeDataString(text)}");

        var list = tokens.EnumerateArray().ToList();
        Assert.Contains(list, t => t.GetProperty("term").GetString() == "ủy" && t.GetProperty("type").GetString() == "syllable");
        Assert.Contains(list, t => t.GetProperty("term").GetString() == "gpmb" && t.GetProperty("type").GetString() == "abbreviation");
        var uy = list.First(t => t.GetProperty("term").GetString() == "ủy");
        var start = uy.GetProperty("startOffset").GetInt32();
        var end = uy.GetProperty("endOffset").GetInt32();
        Assert.Equal("uỷ", text[start..end]);
    }

    [Fact]
    public async Task Query_chain_drops_stop_words_that_the_index_chain_keeps()
    {
        const string text = "nghị quyết số 18";
        var index = await _client.GetFromJsonAsync<JsonElement>($"/api/analyze?text={Uri.EscapeDataString(text)}&chain=index");
        var query = await _client.GetFromJsonAsync<JsonElement>($"/api/analyze?text={Uri.EscapeDataString(text)}&chain=query");

        Assert.Contains(index.EnumerateArray(), t => t.GetProperty("term").GetString() == "số");
        Assert.DoesNotContain(query.EnumerateArray(), t => t.GetProperty("term").GetString() == "số");
    }

    [Fact]
    public async Task Missing_text_is_a_problem_details_naming_the_parameter()
    {
        var response = await _client.GetAsync("/api/analyze");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text", problem.GetProperty("parameter").GetString());
        Assert.Contains("'text'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_chain_is_a_problem_details()
    {
        var response = await _client.GetAsync("/api/analyze?text=abc&chain=fancy");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("chain", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_analyze_endpoint()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/analyze", out _));
    }

    [Fact]
    public async Task Liveness_answers_ok()
    {
        var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
