using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SearchService.Api.Tests;

/// <summary>
/// The service in memory on a fresh temporary index with the repository's samples indexed on
/// first start and a known API key, as a test class fixture.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    /// <summary>The key writes must send.</summary>
    public const string ApiKey = "test-key-0123456789";

    private readonly TempFolder _scratch = new("ss-api");

    /// <summary>The index folder of this instance.</summary>
    public string IndexPath => _scratch.Path;

    /// <summary>A client that sends the API key.</summary>
    public HttpClient CreateWriter()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SearchService:IndexPath", _scratch.Path);
        builder.UseSetting("SearchService:SamplesPath", TestCorpus.SampleDirectory);
        builder.UseSetting("SearchService:ApiKey", ApiKey);
        builder.UseSetting("SearchService:RequestsPerMinute", "0");
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _scratch.Dispose();
        }
    }
}
