namespace SearchService.Api.Endpoints;

/// <summary>Liveness: the process is up and answering.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>GET /health/live</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }))
            .WithName("Live")
            .WithTags("Health");
        return app;
    }
}
