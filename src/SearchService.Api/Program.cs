using Microsoft.AspNetCore.Http.Json;
using SearchService.Api.Endpoints;

var builder = WebApplication.CreateBuilder(args);

// Errors are RFC 7807 ProblemDetails everywhere, including unhandled exceptions and 404s.
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.Configure<JsonOptions>(options =>
{
    options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOpenApi();
app.MapHealthEndpoints();
app.MapAnalysisEndpoints();

app.Run();

/// <summary>The API's entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
