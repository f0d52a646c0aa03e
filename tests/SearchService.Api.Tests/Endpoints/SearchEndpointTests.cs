using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Api.Tests.Endpoints;

public sealed class SearchEndpointTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_accentless_query_finds_accented_documents_with_marked_snippets_and_facets()
    {
        var page = await Search("q=nong%20thon%20moi");
        Assert.True(page.GetProperty("total").GetInt64() > 0);
        var hits = page.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        var snippet = hits[0].GetProperty("snippets").EnumerateArray().First().GetString()!;
        Assert.Contains("<mark>", snippet, StringComparison.Ordinal);
        Assert.Matches("(?i)<mark>n[ôo]ng th[ôo]n m[ớo]i</mark>|<mark>n[ôo]ng</mark>", snippet);
        var localities = page.GetProperty("facets").GetProperty("locality").EnumerateArray().ToList();
        Assert.NotEmpty(localities);
        Assert.Equal(page.GetProperty("total").GetInt64(), page.GetProperty("facets").GetProperty("type").EnumerateArray().Sum(v => v.GetProperty("count").GetInt64()));
    }

    [Theory]
    [InlineData("q=gi%E1%BA%A3i%20ph%C3%B3ng%20m%E1%BA%B7t%20b%E1%BA%B1ng", "allWords")]
    [InlineData("q=Huy%E1%BB%87n%20n%C3%A0o%20%C4%91%C3%A3%20ho%C3%A0n%20th%C3%A0nh%20ch%E1%BB%89%20ti%C3%AAu%20n%C3%B4ng%20th%C3%B4n%20m%E1%BB%9Bi%20trong%20n%C4%83m%202023", "anyWordRanked")]
    [InlineData("q=nong%20thon%20zzqxw", "anyWordFallback")]
    public async Task The_page_says_how_the_words_matched_and_its_facets_count_those_matches(string query, string strategy)
    {
        var page = await Search(query);
        Assert.Equal(strategy, page.GetProperty("matchStrategy").GetString());
        Assert.True(page.GetProperty("total").GetInt64() > 0);
        Assert.Equal(page.GetProperty("total").GetInt64(), page.GetProperty("facets").GetProperty("type").EnumerateArray().Sum(v => v.GetProperty("count").GetInt64()));
    }

    [Fact]
    public async Task A_locality_filter_keeps_its_own_facet_counts_and_filters_the_hits()
    {
        var all = await Search("q=nong%20thon%20moi");
        var first = all.GetProperty("facets").GetProperty("locality").EnumerateArray().First();
        var name = first.GetProperty("value").GetString()!;

        var filtered = await Search($"q=nong%20thon%20moi&locality={Uri.EscapeDataString(name)}");
        Assert.Equal(first.GetProperty("count").GetInt64(), filtered.GetProperty("total").GetInt64());
        Assert.All(filtered.GetProperty("hits").EnumerateArray(), h => Assert.Equal(name, h.GetProperty("locality").GetString()));

        // Drill-sideways: the locality facet still lists the other localities to switch to.
        Assert.Equal(
            all.GetProperty("facets").GetProperty("locality").GetArrayLength(),
            filtered.GetProperty("facets").GetProperty("locality").GetArrayLength());
    }

    [Fact]
    public async Task A_code_filter_and_date_sort_return_the_citing_documents_newest_first()
    {
        var page = await Search("code=18-NQ/TU&sort=date");
        var references = await _client.GetFromJsonAsync<JsonElement>("/api/references?code=18-NQ/TU");
        Assert.Equal(references.GetProperty("total").GetInt32(), page.GetProperty("total").GetInt64());
        var dates = page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Paging_and_the_cursor_walk_the_same_hits_without_repeats()
    {
        var first = await Search("q=dang&pageSize=2");
        var second = await Search($"q=dang&pageSize=2&after={Uri.EscapeDataString(first.GetProperty("next").GetString()!)}");
        var third = await Search("q=dang&pageSize=2&page=2");
        var ids = (JsonElement p) => p.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids(third), ids(second));
        Assert.Empty(ids(first).Intersect(ids(second)));
    }

    [Theory]
    [InlineData("q=%22nong%20thon&strict=true", "q", "position")]
    [InlineData("q=x&sort=oldest", "sort", null)]
    [InlineData("q=x&from=2023-13-45", "from", null)]
    [InlineData("q=x&page=2000&pageSize=10", "page", null)]
    [InlineData("q=x&pageSize=0", "pageSize", null)]
    [InlineData("q=x&after=not-a-cursor", "after", null)]
    public async Task Bad_requests_are_problem_details_naming_the_parameter(string query, string parameter, string? member)
    {
        var response = await _client.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        if (member is not null)
        {
            Assert.True(problem.TryGetProperty(member, out _), $"the problem should carry '{member}'");
        }
    }

    [Fact]
    public async Task The_default_lenient_mode_reads_broken_syntax_as_words()
    {
        var response = await _client.GetAsync("/api/search?q=%22nong%20thon");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64() > 0);
    }

    private async Task<JsonElement> Search(string query)
    {
        var response = await _client.GetAsync("/api/search?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
