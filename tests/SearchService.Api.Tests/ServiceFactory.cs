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

    private readonly string _indexPath = Path.Combine(Path.GetTempPath(), "ss-api-" + Guid.NewGuid().ToString("N"));

    /// <summary>The repository's samples/ folder (found by walking up to SearchService.sln).</summary>
    public static string SamplesPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SearchService.sln")))
                {
                    return Path.Combine(dir.FullName, "samples");
                }
            }

            throw new InvalidOperationException("SearchService.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The sample documents indexed on first start (README files are not documents).</summary>
    public static int SampleCount => Directory.EnumerateFiles(SamplesPath).Count(f => !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal));

    /// <summary>The index folder of this instance.</summary>
    public string IndexPath => _indexPath;

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
        builder.UseSetting("SearchService:IndexPath", _indexPath);
        builder.UseSetting("SearchService:SamplesPath", SamplesPath);
        builder.UseSetting("SearchService:ApiKey", ApiKey);
        builder.UseSetting("SearchService:RequestsPerMinute", "0");
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_indexPath))
        {
            Directory.Delete(_indexPath, recursive: true);
        }
    }
}
