using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Contracts;
using SearchService.Api.Hosting;

namespace SearchService.Api.Endpoints;

/// <summary><c>GET /api/suggest?q=</c>: completions from titles, localities, provinces and cited codes, accents optional.</summary>
public static class SuggestEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapSuggestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Search").MapGet("/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary("Completions for a typed prefix (\"tu s\" → Từ Sơn, \"18-nq\" → 18-NQ/TU), most frequent first.");
        return app;
    }

    private static Results<Ok<List<SuggestionItem>>, ProblemHttpResult> Suggest(string? q, int? limit, SuggesterCache suggester)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return ApiProblem.BadRequest("Missing prefix", "The query parameter 'q' is required: what the user has typed so far.", "q");
        }

        if (q.Length > 200)
        {
            return ApiProblem.BadRequest("Prefix too long", $"'q' has {q.Length} characters; suggestions take at most 200.", "q");
        }

        if (limit is < 1 or > 50)
        {
            return ApiProblem.BadRequest("Invalid limit", $"'limit' is {limit}; it must be between 1 and 50.", "limit");
        }

        var items = suggester.Suggest(q, limit ?? 8)
            .Select(s => new SuggestionItem(s.Text, s.Source.ToString().ToLowerInvariant(), s.DocFreq))
            .ToList();
        return TypedResults.Ok(items);
    }
}
