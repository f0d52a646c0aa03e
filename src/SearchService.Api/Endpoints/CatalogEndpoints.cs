using Microsoft.AspNetCore.Http.HttpResults;
using SearchService.Api.Contracts;
using SearchService.Api.Hosting;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Check;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Questions answered from the index's columns rather than ranked search: who cites a code,
/// which documents are cited most, which localities have documents, and the index's size.
/// </summary>
public static class CatalogEndpoints
{
    /// <summary>Maps <c>/api/references</c>, <c>/api/localities</c> and <c>/api/stats</c>.</summary>
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Catalog");
        group.MapGet("/references", References)
            .WithName("References")
            .WithSummary("Documents citing a code (e.g. 18-NQ/TU), newest first, grouped by the resolved issuer; the same code from two provinces is two documents.");
        group.MapGet("/references/top", TopReferences)
            .WithName("TopReferences")
            .WithSummary("The most-cited documents, optionally of one kind (directive, resolution, conclusion …) and cited from one province.");
        group.MapGet("/localities", Localities).WithName("Localities").WithSummary("Every locality with documents: locality, province, level and document count.");
        group.MapGet("/stats", Stats).WithName("Stats").WithSummary("Documents, deletes, segments, bytes on disk per file kind, terms per field.");
        return app;
    }

    private static Results<Ok<ReferencesResponse>, ProblemHttpResult> References(string? code, string? issuer, IndexHost host)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return ApiProblem.BadRequest("Missing code", "The query parameter 'code' is required, e.g. code=18-NQ/TU.", "code");
        }

        using var snapshot = host.Acquire();
        var citing = new ConclusionCatalog(snapshot).Citing(code.Trim(), string.IsNullOrWhiteSpace(issuer) ? null : issuer.Trim());
        var groups = citing
            .GroupBy(c => c.IssuerBody)
            .Select(g => new ReferenceGroup(g.Key, g.ToList()))
            .OrderByDescending(g => g.Documents.Count)
            .ThenBy(g => g.Issuer, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ReferencesResponse(code.Trim(), citing.Count, groups));
    }

    private static Results<Ok<IReadOnlyList<CitedDocumentCount>>, ProblemHttpResult> TopReferences(string? kind, string? province, int? limit, IndexHost host)
    {
        Core.Documents.ReferenceKind? parsed = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            parsed = Citation.ParseKind(kind.Trim().ToLowerInvariant());
            if (parsed is null)
            {
                var known = string.Join(", ", Enum.GetValues<Core.Documents.ReferenceKind>().Select(k => ConclusionIndexDocument.EnumValue(k)));
                return ApiProblem.BadRequest("Unknown kind", $"'kind' is '{kind}'; it must be one of: {known}.", "kind");
            }
        }

        if (limit is < 1 or > 500)
        {
            return ApiProblem.BadRequest("Invalid limit", $"'limit' is {limit}; it must be between 1 and 500.", "limit");
        }

        using var snapshot = host.Acquire();
        return TypedResults.Ok(new ConclusionCatalog(snapshot).MostCited(parsed, string.IsNullOrWhiteSpace(province) ? null : province.Trim(), limit ?? 20));
    }

    private static Ok<IReadOnlyList<LocalityCount>> Localities(IndexHost host)
    {
        using var snapshot = host.Acquire();
        return TypedResults.Ok(new ConclusionCatalog(snapshot).Localities());
    }

    private static Ok<StatsResponse> Stats(IndexHost host)
    {
        var stats = IndexStatistics.Of(new Core.Index.Store.IndexDirectory(host.IndexPath));
        var bytes = new Dictionary<string, long>(stats.Bytes) { ["total"] = stats.TotalBytes };
        return TypedResults.Ok(new StatsResponse(stats.Documents, stats.Deleted, stats.Segments, bytes, stats.Terms, stats.Generation));
    }
}
