using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace SearchService.Api.Tests.Endpoints;

public sealed class AccessLimitTests
{
    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after()
    {
        using var factory = new LimitedFactory(("SearchService:RequestsPerMinute", "3"));
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }

        var refused = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("Too many requests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task With_keys_required_for_reads_a_search_needs_the_key_but_health_does_not()
    {
        using var factory = new LimitedFactory(("SearchService:RequireKeyForReads", "true"));
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/search?q=dang")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateWriter().GetAsync("/api/search?q=dang")).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_key_writes_are_refused_saying_how_to_set_one()
    {
        using var factory = new LimitedFactory(("SearchService:ApiKey", ""));
        var response = await factory.CreateWriter().DeleteAsync("/api/documents/x");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("SearchService__ApiKey", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    /// <summary>The service with a few settings changed.</summary>
    private sealed class LimitedFactory(params (string Key, string Value)[] settings) : ServiceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
