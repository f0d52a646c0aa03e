using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Core.Analysis;

namespace SearchService.Api.Endpoints;

/// <summary>
/// <c>GET /api/analyze?text=…&amp;chain=index|query</c>: the tokens the Vietnamese analyzer makes of
/// a text, the same as the command line's <c>analyze --json</c>. Lets a front end or a user see
/// why a query matches (folded forms, pairs, synonyms, code parts).
/// </summary>
public static class AnalysisEndpoints
{
    /// <summary>Maps the analysis endpoints under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Analysis");
        group.MapGet("/analyze", Analyze)
            .WithName("Analyze")
            .WithSummary("Tokens of a text under the Vietnamese analyzer.");
        return app;
    }

    private static Results<Ok<IReadOnlyList<AnalyzedToken>>, ProblemHttpResult> Analyze(
        string? text, string? chain, IConfiguration configuration)
    {
        var maxLength = configuration.GetValue("SearchService:MaxAnalyzeTextLength", 100_000);
        if (string.IsNullOrEmpty(text))
        {
            return TypedResults.Problem(
                title: "Missing text",
                detail: "The query parameter 'text' is required: the text to analyze.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["parameter"] = "text" });
        }

        if (text.Length > maxLength)
        {
            return TypedResults.Problem(
                title: "Text too long",
                detail: $"The parameter 'text' has {text.Length} characters; at most {maxLength} are analyzed in one request.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["parameter"] = "text", ["limit"] = maxLength });
        }

        VietnameseAnalyzer analyzer;
        switch (chain)
        {
            case null or "" or "index":
                analyzer = VietnameseAnalyzer.Indexing;
                break;
            case "query":
                analyzer = VietnameseAnalyzer.Query;
                break;
            default:
                return TypedResults.Problem(
                    title: "Unknown chain",
                    detail: $"The parameter 'chain' is '{chain}'; it must be 'index' or 'query'.",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["parameter"] = "chain" });
        }

        return TypedResults.Ok(analyzer.Analyze(text));
    }
}
