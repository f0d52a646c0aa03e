using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchService.Api.OpenApi;

/// <summary>
/// A description and an example for every query and path parameter, by name: the same name means
/// the same thing on every endpoint (q is always query text, locality always a locality name), so
/// one table keeps them consistent. Search's filter parameters name the same fields as the facets.
/// </summary>
internal sealed class ParameterDescriptionsTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string Description, JsonNode? Example)> Parameters = new(StringComparer.Ordinal)
    {
        ["q"] = ("Query text: words with or without accents, \"phrases\"~slop, +must -not, AND OR NOT, prefix*, fuzzy~, field:value. For /api/suggest, the beginning typed so far.", "giai phong mat bang"),
        ["locality"] = ("Only documents of this locality (accents and case do not matter).", "Tân Yên"),
        ["province"] = ("Only documents of this province; for /api/references/top, the province whose documents are counted.", "Bắc Giang"),
        ["history"] = ("With province: also the documents written before the July 2025 reorganisation by the areas that province holds today.", false),
        ["level"] = ("Only documents of committees of this level (province, centrally-run city, district, town, provincial city, …).", "district"),
        ["type"] = ("Only documents of this type (conclusion, notice, …).", "conclusion"),
        ["code"] = ("A cited document's code, typed as written or without accents (18-NQ/TU, 35-CT/TW, 06/QĐ-TTg).", "18-NQ/TU"),
        ["from"] = ("Only documents dated on or after this day (yyyy-MM-dd).", "2023-01-01"),
        ["to"] = ("Only documents dated on or before this day (yyyy-MM-dd).", "2024-12-31"),
        ["sort"] = ("relevance (default) or date (newest first).", "relevance"),
        ["page"] = ("The page of hits, from 1; page × pageSize may not pass the result window (use after beyond it).", 1),
        ["pageSize"] = ("Hits a page (default 10).", 10),
        ["after"] = ("The cursor of the previous page (its next value) to read the page after it, at any depth.", null),
        ["explain"] = ("Include each hit's score explanation.", false),
        ["strict"] = ("Refuse query syntax errors (400 with the position) instead of reading the text leniently.", false),
        ["id"] = ("The document's id (its file name without extension when uploaded).", "kl-hn9-thanh-uy-tu-son-2023"),
        ["count"] = ("How many similar documents (1–50, default 10).", 10),
        ["limit"] = ("How many entries at most.", 10),
        ["issuer"] = ("Only citations whose cited document was issued by this body (e.g. Tỉnh ủy Bắc Ninh).", null),
        ["kind"] = ("Only cited documents of this kind (resolution, directive, conclusion, decision, …).", "resolution"),
        ["text"] = ("The text to analyze.", "Thành uỷ Từ Sơn về giải phóng mặt bằng"),
        ["chain"] = ("index (default: the tokens documents are indexed with) or query (the tokens a query is read with).", "index"),
    };

    /// <inheritdoc/>
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && Parameters.TryGetValue(name, out var known))
            {
                parameter.Description ??= known.Description;
                parameter.Example ??= known.Example?.DeepClone();
            }
        }

        return Task.CompletedTask;
    }
}
