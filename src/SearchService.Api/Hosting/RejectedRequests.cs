using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SearchService.Api.Endpoints;

namespace SearchService.Api.Hosting;

/// <summary>Answers the requests <see cref="RequestLineGuard"/> sent on as refused: a ProblemDetails naming the parameter.</summary>
internal static class RejectedRequests
{
    /// <summary>Answers requests to <see cref="RequestLineGuard.RejectedPath"/> before anything else sees them.</summary>
    public static IApplicationBuilder UseRejectedRequestLines(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path != RequestLineGuard.RejectedPath)
        {
            await next(context);
            return;
        }

        var parameter = context.Request.Query["parameter"].ToString() is { Length: > 0 } named ? named : "path";
        if (context.Request.Query["reason"] == "too-long")
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestLineSize;
            await ApiProblem.Create(
                StatusCodes.Status414RequestUriTooLong,
                "Request line too long",
                $"The request line is longer than {limit / 1024} KiB. Send a long query as POST /api/search with a JSON body ({{\"q\": …}}).",
                parameter).ExecuteAsync(context);
            return;
        }

        await ApiProblem.BadRequest(
            "Invalid character in the path",
            $"The path holds a NUL character (%00), which no '{parameter}' may hold; remove it or send the value in the query string or body.",
            parameter).ExecuteAsync(context);
    });
}
