using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;
using SearchService.Api.Contracts;
using SearchService.Api.Hosting;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Parsing;

namespace SearchService.Api.Endpoints;

/// <summary>
/// <c>GET /api/search</c>: ranked hits with snippets and facets. The query language is the
/// parser's (words with or without accents, "phrases"~slop, +must -not AND OR NOT, prefix*, fuzzy~,
/// field:value, ranges); the page and its facets come from one snapshot.
/// </summary>
public static class SearchEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Search");
        group.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Ranked search with filters (locality, province, level, type, code, from, to), sort by relevance or date, paging or a cursor, snippets and facets. history=true with province also takes in the older documents of the areas that province holds today (province=Gia Lai&history=true includes the former Bình Định).");
        group.MapPost("/search", SearchPosted)
            .WithName("SearchPosted")
            .WithSummary("The same search with its parameters in a JSON body, for queries too long for a URL.")
            .Accepts<SearchQuery>("application/json");
        return app;
    }

    private static Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        string? q, string? locality, string? province, bool? history, string? level, string? type, string? code, string? from, string? to,
        string? sort, int? page, int? pageSize, string? after, bool? explain, bool? strict,
        HttpContext httpContext, IndexHost host, ConclusionSearchAnswerer answerer, SearchAdmission admission, IOptions<SearchServiceOptions> options, CancellationToken cancellationToken) =>
        RunAsync(new SearchQuery(q, locality, province, level, type, code, from, to, sort, page, pageSize, after, explain, strict, history), httpContext, host, answerer, admission, options.Value, cancellationToken);

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchPosted(
        HttpRequest request, IndexHost host, ConclusionSearchAnswerer answerer, SearchAdmission admission, IOptions<SearchServiceOptions> options, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", $"Send the search as application/json {{ \"q\": …, \"locality\"?: …, … }}, not '{request.ContentType}'.", "body");
        }

        SearchQuery? query;
        try
        {
            query = await request.ReadFromJsonAsync<SearchQuery>(cancellationToken);
        }
        catch (JsonException e)
        {
            return ApiProblem.BadRequest("Body is not valid JSON", $"Expected {{ \"q\": string, \"page\"?: number, … }}: {DocumentBody.JsonProblem(e)}", "body");
        }
        catch (BadHttpRequestException e)
        {
            return ApiProblem.Create(e.StatusCode, "Request rejected", e.Message, "body");
        }

        return await RunAsync(query ?? new SearchQuery(), request.HttpContext, host, answerer, admission, options.Value, cancellationToken);
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> RunAsync(
        SearchQuery parameters, HttpContext httpContext, IndexHost host, ConclusionSearchAnswerer answerer, SearchAdmission admission, SearchServiceOptions settings, CancellationToken cancellationToken)
    {
        var (q, locality, province, level, type, code, from, to, sort, page, pageSize, after, explain, strict, history) = parameters;
        q ??= "";
        if (q.Length > settings.MaxQueryLength)
        {
            return ApiProblem.BadRequest("Query too long", $"'q' has {q.Length} characters; at most {settings.MaxQueryLength} are accepted.", "q");
        }

        if (ParseDate(from, "from", out var fromDate) is { } fromProblem)
        {
            return fromProblem;
        }

        if (ParseDate(to, "to", out var toDate) is { } toProblem)
        {
            return toProblem;
        }

        if (!SearchParameters.TryParseSort(sort, out var order))
        {
            return ApiProblem.BadRequest("Unknown sort", $"'sort' is '{sort}'; it must be 'relevance' or 'date'.", "sort");
        }

        var size = pageSize ?? 10;
        if (size < 1 || size > settings.MaxPageSize)
        {
            return ApiProblem.BadRequest("Invalid page size", $"'pageSize' is {size}; it must be between 1 and {settings.MaxPageSize}.", "pageSize");
        }

        var number = page ?? 1;
        if (number < 1)
        {
            return ApiProblem.BadRequest("Invalid page", $"'page' is {number}; pages start at 1.", "page");
        }

        if ((long)number * size > settings.MaxResultWindow)
        {
            return ApiProblem.BadRequest(
                "Result window exceeded",
                $"page {number} × pageSize {size} reaches past hit {settings.MaxResultWindow}; read deeper pages with the 'after' cursor from the previous page's 'next'.",
                "page");
        }

        var request = new SearchRequest
        {
            Query = q,
            Locality = locality,
            Province = province,
            History = history == true,
            Level = level,
            Type = type,
            Code = code,
            From = fromDate,
            To = toDate,
            Sort = order,
            Page = number,
            Size = size,
            Cursor = string.IsNullOrEmpty(after) ? null : after,
            Explain = explain == true,
            Lenient = strict != true,
        };

        // The token reaches the scorers: a search past its time, or whose client went away, stops
        // within a thousand documents instead of running on after its answer is abandoned.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.QueryTimeoutSeconds));
        var token = timeout.Token;
        SearchAnswer answer;
        try
        {
            using var snapshot = host.Acquire();
            var limits = new SearchLimits { MaxQueryLength = settings.MaxQueryLength, MaxResultWindow = settings.MaxResultWindow };
            var searcher = ConclusionSearcher.Open(snapshot, limits: limits, cancellation: token);
            if (!answerer.TryCached(searcher, request, null, out var known))
            {
                // Only a search not answered before on this snapshot is weighed for the costly lane.
                var heavy = SearchAdmission.IsHeavy(SearchAdmission.Cost(searcher, request), snapshot.LiveCount);
                var search = admission.Run(heavy, () => answerer.Answer(searcher, request), token);
                if (search is null)
                {
                    httpContext.Response.Headers.RetryAfter = "2";
                    return ApiProblem.Create(StatusCodes.Status503ServiceUnavailable, "Too many costly searches", $"{admission.Waiting} costly searches are already waiting; try again in a moment, or narrow the query with rarer words or filters.", "q");
                }

                known = await search;
            }

            answer = known;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ApiProblem.Create(StatusCodes.Status503ServiceUnavailable, "Search timed out", $"The search took longer than {settings.QueryTimeoutSeconds} s and was stopped; narrow it with more words or filters.", "q");
        }
        catch (QueryParseException e)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, "Query syntax error", $"{e.Problem} at {e.Position}", "q", ("position", e.Position));
        }
        catch (SearchLimitException e)
        {
            return ApiProblem.Create(StatusCodes.Status400BadRequest, "Query over a limit", e.Message, "q", ("limit", e.Limit));
        }
        catch (InvalidCursorException e)
        {
            return ApiProblem.BadRequest("Invalid cursor", $"'after' is not a cursor of this search: {e.Message}. Use the 'next' value of the previous page with the same q, filters and sort.", "after");
        }

        return TypedResults.Ok(SearchResponse.From(answer, request));
    }

    private static ProblemHttpResult? ParseDate(string? text, string parameter, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (SearchParameters.TryParseDay(text, out var parsed))
        {
            date = parsed;
            return null;
        }

        return ApiProblem.BadRequest("Invalid date", $"'{parameter}' is '{text}'; {SearchParameters.DayFormats}.", parameter);
    }
}
