using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SearchService.Core.Documents.Extraction;

namespace SearchService.Api.Tests.Endpoints;

public sealed class CatalogEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task References_list_every_sample_citing_a_code_newest_first_grouped_by_issuer()
    {
        // The expected set comes from the extractor over the sample files, not from the index.
        var extractor = new ConclusionExtractor();
        var expected = Directory.EnumerateFiles(TestCorpus.SampleDirectory)
            .Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal))
            .Select(extractor.ExtractFile)
            .Where(r => r.References.Any(c => c.Code == "18-NQ/TU"))
            .ToList();
        Assert.NotEmpty(expected);

        var response = await _client.GetFromJsonAsync<JsonElement>("/api/references?code=18-nq/tu");
        Assert.Equal(expected.Count, response.GetProperty("total").GetInt32());
        var documents = response.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("documents").EnumerateArray()).ToList();
        Assert.Equal(expected.Select(r => r.Id).Order(StringComparer.Ordinal), documents.Select(d => d.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(documents, d => Assert.Contains("18-NQ/TU", d.GetProperty("sentence").GetString(), StringComparison.Ordinal));
        foreach (var group in response.GetProperty("groups").EnumerateArray())
        {
            var dates = group.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
            Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        }
    }

    [Fact]
    public async Task Top_directives_are_counted_once_per_citing_document()
    {
        var top = await _client.GetFromJsonAsync<JsonElement>("/api/references/top?kind=directive");
        var first = top.EnumerateArray().First();
        Assert.Equal("directive", first.GetProperty("kind").GetString());
        Assert.All(top.EnumerateArray(), t => Assert.Equal("directive", t.GetProperty("kind").GetString()));

        var citing = await _client.GetFromJsonAsync<JsonElement>($"/api/references?code={Uri.EscapeDataString(first.GetProperty("code").GetString()!)}");
        var sameIssuer = citing.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("issuer").GetString() == first.GetProperty("issuerBody").GetString());
        Assert.Equal(sameIssuer.GetProperty("documents").GetArrayLength(), first.GetProperty("documents").GetInt32());

        var bad = await _client.GetAsync("/api/references/top?kind=banana");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("directive", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Localities_stats_and_suggestions_describe_the_samples()
    {
        var localities = await _client.GetFromJsonAsync<JsonElement>("/api/localities");
        Assert.Contains(localities.EnumerateArray(), l => l.GetProperty("locality").GetString() == "Từ Sơn" && l.GetProperty("province").GetString() == "Bắc Ninh");

        var stats = await _client.GetFromJsonAsync<JsonElement>("/api/stats");
        Assert.Equal(TestCorpus.SampleCount, stats.GetProperty("documents").GetInt32());
        Assert.True(stats.GetProperty("bytes").GetProperty("total").GetInt64() > 0);

        var suggestions = await _client.GetFromJsonAsync<JsonElement>("/api/suggest?q=tu%20s");
        Assert.Contains(suggestions.EnumerateArray(), s => s.GetProperty("text").GetString() == "Từ Sơn" && s.GetProperty("field").GetString() == "locality");

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/suggest")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/references")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        string[] routes =
        [
            "/api/documents/{id}", "/api/documents/{id}/similar", "/api/documents", "/api/documents/bulk",
            "/api/references", "/api/references/top", "/api/localities", "/api/suggest", "/api/stats", "/api/analyze",
            "/health/live", "/health/ready",
        ];
        foreach (var route in routes)
        {
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is missing from the OpenAPI document");
        }

        Assert.True(paths.GetProperty("/api/documents/{id}").TryGetProperty("delete", out _));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/docs/index.html")).StatusCode);
    }
}
