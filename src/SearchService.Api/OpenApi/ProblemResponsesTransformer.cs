using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>
/// Declares on every operation the ProblemDetails answers it can give, so a generated client has
/// error types: 400 for bad parameters, 429 from the rate limiter, 500, and per operation what it
/// adds (404 for an unknown id, 401/403 for the key, 409, 413, 415, 422 for writes, 503 for a
/// search past its time). Also the API key requirement: needed by writes, optional for reads.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Meanings = new()
    {
        ["400"] = "A parameter or the body is wrong: `parameter` names it, `position` points into a query.",
        ["401"] = "The X-Api-Key header is missing or wrong.",
        ["403"] = "No API key is configured on the service, so writes are refused.",
        ["404"] = "No document with that id.",
        ["409"] = "A document with that id exists already (PUT replaces).",
        ["413"] = "The body, upload or a document value is over a limit.",
        ["415"] = "The content type or file type is not one the service reads.",
        ["422"] = "The uploaded file could not be read as a document.",
        ["429"] = "Too many requests from this client; see Retry-After.",
        ["500"] = "An unexpected error; the trace id identifies it in the service's log.",
        ["503"] = "The search took longer than the configured timeout and was stopped.",
    };

    /// <inheritdoc/>
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var path = "/" + (context.Description.RelativePath ?? "");
        var isSearch = path.StartsWith("/api/search", StringComparison.Ordinal);
        var isWrite = method != "GET" && !isSearch;
        var codes = new List<string> { "429", "500" };
        if (operation.Parameters?.Count > 0 || operation.RequestBody is not null)
        {
            codes.Add("400");
        }

        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            codes.Add("404");
        }

        if (isSearch)
        {
            codes.Add("503");
        }

        if (isWrite)
        {
            codes.AddRange(["401", "403"]);
            if (operation.RequestBody is not null)
            {
                codes.AddRange(["413", "415"]);
            }

            if (method == "POST" && !path.EndsWith("/bulk", StringComparison.Ordinal))
            {
                codes.AddRange(["409", "422"]);
            }
            else if (method == "PUT")
            {
                codes.Add("422");
            }
        }
        else if (method == "POST")
        {
            codes.Add("415");
        }

        operation.Responses ??= [];
        var document = context.Document;
        foreach (var code in codes.Distinct())
        {
            if (operation.Responses.ContainsKey(code))
            {
                continue;
            }

            operation.Responses[code] = new OpenApiResponse
            {
                Description = Meanings[code],
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                },
            };
        }

        var key = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ServiceDocumentTransformer.ApiKeyScheme, document)] = [] };
        operation.Security = isWrite ? [key] : [new OpenApiSecurityRequirement(), key];
        return Task.CompletedTask;
    }
}
