using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Contracts;
using SearchService.Api.Hosting;

namespace SearchService.Api.Endpoints;

/// <summary>Liveness (the process answers) and readiness (the index is open and searchable).</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new { status = "live" })).WithName("Live").WithSummary("The process is up.");
        group.MapGet("/ready", Ready).WithName("Ready").WithSummary("The index is open and a snapshot can be taken: ready for searches.");
        return app;
    }

    private static Results<Ok<ReadyStatus>, ProblemHttpResult> Ready(IndexHost host)
    {
        using var snapshot = host.Acquire();
        return TypedResults.Ok(new ReadyStatus("ready", snapshot.LiveCount, snapshot.Commit.Generation));
    }

}
