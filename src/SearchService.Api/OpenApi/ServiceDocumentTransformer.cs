using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SearchService.Api.Security;

namespace SearchService.Api.OpenApi;

/// <summary>
/// What a client generator reads first: a title and description, the license, the server as the
/// request reached it (no trailing slash), each tag explained, and the API key scheme.
/// </summary>
internal sealed class ServiceDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The name of the API key scheme in the description.</summary>
    public const string ApiKeyScheme = "apiKey";

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Search", "Ranked search over the conclusion documents, with filters, facets, snippets and suggestions."),
        ("Documents", "Documents by id, similar documents, and the writes (create, replace, delete, bulk) that need the API key."),
        ("Catalog", "What the documents cite and where they come from: references by code, most cited, localities, index statistics."),
        ("Analysis", "The Vietnamese analyzer's tokens for a text, to see why a query matches."),
        ("Health", "Liveness and readiness for load balancers and orchestrators."),
    ];

    /// <inheritdoc/>
    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SearchService API",
            Version = "1.0.0",
            Description = "Full-text search over Vietnamese Party-committee conclusion documents. Every error is an RFC 7807 ProblemDetails naming what was wrong and where (`parameter`, and `position` for query syntax).",
            License = new OpenApiLicense { Name = "Proprietary: the SearchService project; third-party data under the MIT licence (see NOTICE)", Identifier = "LicenseRef-SearchService" },
        };

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.Header,
            Description = "The key configured as SearchService:ApiKey. Writes always need it; reads only when RequireKeyForReads is set.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey("ProblemDetails"))
        {
            // The error answers' shape, referenced by every operation's 4xx/5xx responses.
            document.Components.Schemas["ProblemDetails"] = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, cancellationToken);
        }
    }
}
