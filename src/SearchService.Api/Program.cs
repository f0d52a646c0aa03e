using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;
using SearchService.Api.Endpoints;
using SearchService.Api.Hosting;
using SearchService.Api.Security;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;

// Settings and the page come from the build output (appsettings.json, wwwroot) wherever the service is
// started from; relative IndexPath/SamplesPath are from the working directory (the repository root
// under `dotnet run`). A host that names its own content root (the test host does) keeps it.
// `--rollback-to-last-good` is a switch for one start: the same as the setting RollbackToLastGood=true.
if (args.Contains("--rollback-to-last-good"))
{
    args = [.. args.Where(a => a != "--rollback-to-last-good"), $"--{SearchServiceOptions.Section}:RollbackToLastGood=true"];
}

var ownContentRoot = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase));
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ownContentRoot ? null : AppContext.BaseDirectory,
});
builder.Services.AddOptions<SearchServiceOptions>()
    .Bind(builder.Configuration.GetSection(SearchServiceOptions.Section))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<IndexHost>();
builder.Services.AddSingleton<SuggesterCache>();
builder.Services.AddSingleton<SearchAdmission>();
builder.Services.AddSingleton<ConclusionExtractor>();
builder.Services.AddSingleton<ApiKeyFilter>();
builder.Services.AddSingleton(services =>
{
    var settings = services.GetRequiredService<IOptions<SearchServiceOptions>>().Value;
    return new SearchService.Core.Catalog.Answering.ConclusionSearchAnswerer(
        new SearchService.Core.Catalog.Answering.FacetCache(settings.FacetCacheEntries),
        new SearchService.Core.Catalog.Answering.AnswerCache(settings.AnswerCacheEntries));
});

// Errors are RFC 7807 ProblemDetails everywhere, including unhandled exceptions and 404s.
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

// The same answer to an unbindable parameter in every environment: thrown, then written as ProblemDetails.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(openApi =>
{
    openApi.AddDocumentTransformer<SearchService.Api.OpenApi.ServiceDocumentTransformer>();
    openApi.AddOperationTransformer<SearchService.Api.OpenApi.ProblemResponsesTransformer>();
    openApi.AddOperationTransformer<SearchService.Api.OpenApi.ParameterDescriptionsTransformer>();
});

// One JSON shape for records everywhere: the same settings as `extract --json` (camelCase, kebab-case enums, readable Vietnamese).
builder.Services.Configure<JsonOptions>(options => ConclusionDocumentJson.Apply(options.SerializerOptions));

// Settings are read in one place, the validated options; Kestrel's limits are configured from them too.
builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IOptions<SearchServiceOptions>>((kestrel, service) =>
{
    kestrel.Limits.MaxRequestBodySize = service.Value.MaxRequestBodyBytes;

    // A query of MaxQueryLength accented characters is up to nine bytes each once percent-encoded:
    // the default 8 KiB request line would refuse it before the API sees it (POST /api/search takes longer ones).
    kestrel.Limits.MaxRequestLineSize = 64 * 1024;
    kestrel.Limits.MaxRequestHeadersTotalSize = 96 * 1024;

    // Raw non-ASCII bytes in a query string and %00 in a path would get Kestrel's empty 400: the
    // guard percent-encodes the first and sends the second, and request lines over the limit, on to
    // a ProblemDetails answer.
    var maxRequestLine = kestrel.Limits.MaxRequestLineSize;
    kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => new RequestLineGuard(next, maxRequestLine).OnConnectionAsync));
});
builder.Services.AddOptions<FormOptions>().Configure<IOptions<SearchServiceOptions>>((form, service) => form.MultipartBodyLengthLimit = service.Value.MaxUploadBytes);

// Per-client fixed windows: one client cannot starve the others; a refusal says when to come back.
builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.OnRejected = async (context, cancellationToken) =>
    {
        var perMinute = context.HttpContext.RequestServices.GetRequiredService<IOptions<SearchServiceOptions>>().Value.RequestsPerMinute;
        context.HttpContext.Response.Headers.RetryAfter = "60";
        await TypedResults.Problem(
            title: "Too many requests",
            detail: $"This client made more than {perMinute} requests in a minute; try again in a minute.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context.HttpContext);
    };
    limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        var perMinute = context.RequestServices.GetRequiredService<IOptions<SearchServiceOptions>>().Value.RequestsPerMinute;
        return perMinute <= 0
            ? RateLimitPartition.GetNoLimiter("all")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    });
});

builder.Services.AddCors();
builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<SearchServiceOptions>>((cors, service) => cors.AddDefaultPolicy(policy =>
{
    if (service.Value.CorsOrigins.Length > 0)
    {
        policy.WithOrigins(service.Value.CorsOrigins).WithMethods("GET", "POST", "PUT", "DELETE").WithHeaders("Content-Type", ApiKeyFilter.Header);
    }
}));

// Open the index before listening: a locked, damaged or mis-configured index stops the start with
// a message naming the lock, the file or the setting, and an exit code that says which. Building
// the app already reads the settings (Kestrel's limits come from them), so it is inside the try.
WebApplication app;
IOptions<SearchServiceOptions>? options = null;
IndexHost host;
try
{
    app = builder.Build();
    options = app.Services.GetRequiredService<IOptions<SearchServiceOptions>>();
    host = app.Services.GetRequiredService<IndexHost>();
    if (UploadFolders.RemoveLeftovers() is > 0 and var leftovers)
    {
        app.Logger.LogInformation("Removed {Count} upload folder(s) left by a service that stopped during an upload", leftovers);
    }

    await host.IndexSamplesIfEmptyAsync(options.Value.SamplesPath);
    app.Logger.LogInformation("Serving the index in {Path}: {Documents} documents", host.IndexPath, host.Documents);

    // Searched before listening, so no client meets the code before it is compiled for speed.
    if (options.Value.WarmUpSeconds > 0 && host.Documents > 0)
    {
        using var snapshot = host.Acquire();
        var warm = SearchWarmUp.Run(snapshot, TimeSpan.FromSeconds(options.Value.WarmUpSeconds));
        app.Logger.LogInformation(
            "Warmed up with {Searches} searches ({Passes} passes over {Queries} made from the index's documents, {Failed} failed) in {Seconds:F1} s",
            warm.Searches, warm.Passes, warm.Queries, warm.Failed, warm.Elapsed.TotalSeconds);
    }
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"error: invalid settings in section '{SearchServiceOptions.Section}': {string.Join("; ", e.Failures)}");
    return 2;
}
catch (IndexLockedException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 3;
}
catch (CorruptIndexException e)
{
    Console.Error.WriteLine($"error: the index is damaged (file '{e.FileName}'): {e.Message}. Nothing was changed. Run `check --index {options?.Value.IndexPath}` to see the damage; start with --rollback-to-last-good to set the damaged commit aside and serve the last commit that verifies (later writes are lost), or restore a backup or re-index into an empty folder.");
    return 4;
}
catch (IndexSchemaMismatchException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 4;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRejectedRequestLines();
app.UseCors();
app.UseRateLimiter();
// With RequireKeyForReads, every /api read needs the key as writes do (health, the page and the docs stay open).
app.Use(async (context, next) =>
{
    var current = context.RequestServices.GetRequiredService<IOptions<SearchServiceOptions>>().Value;
    if (current.RequireKeyForReads && context.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(context.Request.Method)
        && ApiKeyFilter.Check(context.Request, current.ApiKey, "read") is { } refusal)
    {
        await refusal.ExecuteAsync(context);
        return;
    }

    await next(context);
});
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.UseSwaggerUI(ui =>
{
    ui.RoutePrefix = "docs";
    ui.SwaggerEndpoint("/openapi/v1.json", "SearchService API");
    ui.DocumentTitle = "SearchService API";
});
app.MapHealthEndpoints();
app.MapAnalysisEndpoints();
app.MapDocumentEndpoints();
app.MapCatalogEndpoints();
app.MapSuggestEndpoints();
app.MapSearchEndpoints();

await app.RunAsync();
return 0;

/// <summary>The API's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
