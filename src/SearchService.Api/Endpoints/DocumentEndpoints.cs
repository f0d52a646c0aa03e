using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchService.Api.Configuration;
using SearchService.Api.Contracts;
using SearchService.Api.Hosting;
using SearchService.Api.Security;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Search.Similar;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Documents by id: read one, its similar documents, and the writes (create, replace, delete,
/// bulk). Writes need the API key, are committed before the response (durable) and visible to
/// the next search.
/// </summary>
public static class DocumentEndpoints
{
    /// <summary>Maps <c>/api/documents</c>.</summary>
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api/documents").WithTags("Documents");
        reads.MapGet("/{id}", Get).WithName("GetDocument").WithSummary("The full record of a document: metadata, references, sections and body.");
        reads.MapGet("/{id}/similar", Similar).WithName("SimilarDocuments").WithSummary("Documents similar to this one, by its most distinctive terms.");

        var writes = app.MapGroup("/api/documents").WithTags("Documents").AddEndpointFilter<ApiKeyFilter>();
        writes.MapPost("/", Create)
            .WithName("CreateDocument")
            .WithSummary("Add a document (JSON { id?, text, fileName? } or a multipart .txt/.md/.docx/.pdf upload); 409 when the id exists.")
            .Accepts<DocumentInput>("application/json", "multipart/form-data")
            .DisableAntiforgery();
        writes.MapPut("/{id}", Replace)
            .WithName("ReplaceDocument")
            .WithSummary("Create or replace the document with this id.")
            .Accepts<DocumentInput>("application/json", "multipart/form-data")
            .DisableAntiforgery();
        writes.MapDelete("/{id}", Delete).WithName("DeleteDocument").WithSummary("Delete a document.");
        writes.MapPost("/bulk", Bulk)
            .WithName("BulkDocuments")
            .WithSummary("Add or replace many documents: NDJSON, one { id?, text, fileName? } a line; a result per line, one commit.")
            .Accepts<DocumentInput>("application/x-ndjson");
        return app;
    }

    private static Results<Ok<ConclusionDocument>, ProblemHttpResult> Get(string id, IndexHost host)
    {
        using var snapshot = host.Acquire();
        return new ConclusionCatalog(snapshot).Find(id) is { } record ? TypedResults.Ok(record) : ApiProblem.NoDocument(id);
    }

    private static Results<Ok<List<SimilarHit>>, ProblemHttpResult> Similar(string id, int? count, IndexHost host)
    {
        if (count is < 1 or > 50)
        {
            return ApiProblem.BadRequest("Invalid count", $"'count' is {count}; it must be between 1 and 50.", "count");
        }

        using var snapshot = host.Acquire();
        var similar = new MoreLikeThis(snapshot, ConclusionQueries.MoreLikeThis);
        if (similar.FindDoc(id) is not { } doc)
        {
            return ApiProblem.NoDocument(id);
        }

        var hits = new List<SimilarHit>();
        foreach (var hit in similar.FindSimilar(doc, count ?? 10))
        {
            var (segment, local) = snapshot.Locate(hit.Doc);
            var record = ConclusionIndexDocument.ToRecord(segment.Document(local));
            hits.Add(new SimilarHit(record.Id, record.Title, record.Locality, record.Province, record.Date, Math.Round(hit.Score, 4)));
        }

        return TypedResults.Ok(hits);
    }

    private static async Task<Results<Created<ConclusionDocument>, ProblemHttpResult>> Create(
        HttpRequest request, IndexHost host, IOptions<SearchServiceOptions> options, ConclusionExtractor extractor, CancellationToken cancellationToken)
    {
        var parsed = await DocumentBody.ReadAsync(request, null, options.Value, extractor, cancellationToken);
        if (parsed.Problem is { } problem)
        {
            return problem;
        }

        var record = parsed.Record!;
        var outcome = await host.WriteAsync(
            ingestor => ingestor.Contains(record.Id) ? null : ingestor.IngestRecord(record, parsed.SourceHash, "POST /api/documents"),
            cancellationToken);
        return outcome switch
        {
            null => ApiProblem.Create(StatusCodes.Status409Conflict, "Document exists", $"A document with id '{record.Id}' is already indexed; PUT /api/documents/{record.Id} replaces it.", "id"),
            { Status: IngestStatus.Failed } => Refused(outcome),
            _ => TypedResults.Created(Location(record.Id), record),
        };
    }

    private static async Task<Results<Created<ConclusionDocument>, Ok<ConclusionDocument>, ProblemHttpResult>> Replace(
        string id, HttpRequest request, IndexHost host, IOptions<SearchServiceOptions> options, ConclusionExtractor extractor, CancellationToken cancellationToken)
    {
        if (DocumentIds.Problem(id) is { } invalid)
        {
            return ApiProblem.BadRequest("Invalid id", invalid, "id");
        }

        var parsed = await DocumentBody.ReadAsync(request, id, options.Value, extractor, cancellationToken);
        if (parsed.Problem is { } problem)
        {
            return problem;
        }

        var record = parsed.Record!;
        var outcome = await host.WriteAsync(ingestor => ingestor.IngestRecord(record, parsed.SourceHash, "PUT /api/documents"), cancellationToken);
        return outcome.Status switch
        {
            IngestStatus.Failed => Refused(outcome),
            IngestStatus.Added => TypedResults.Created(Location(record.Id), record),
            _ => TypedResults.Ok(record),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, IndexHost host, CancellationToken cancellationToken)
    {
        var deleted = await host.WriteAsync(ingestor => ingestor.Delete(id), cancellationToken);
        return deleted ? TypedResults.NoContent() : ApiProblem.NoDocument(id);
    }

    private static async Task<Results<Ok<List<BulkLineResult>>, ProblemHttpResult>> Bulk(
        HttpRequest request, IndexHost host, IOptions<SearchServiceOptions> options, ConclusionExtractor extractor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.Value.MaxRequestBodyBytes)
        {
            return ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body has {request.ContentLength} bytes; at most {options.Value.MaxRequestBodyBytes} are accepted.");
        }

        // Parse and extract every line first, outside the write lock; then store them in one commit.
        // The body is read whole (Kestrel bounds it by MaxRequestBodyBytes) so that each line's
        // bytes can be checked: invalid UTF-8 is refused, as a JSON body with it is refused.
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            return ApiProblem.Create(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Request rejected", $"{e.Message} (at most {options.Value.MaxRequestBodyBytes} bytes are accepted)");
        }

        // The buffer itself, not a copy of up to MaxRequestBodyBytes.
        var body = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var lines = new List<(int Line, DocumentBody.Parsed Parsed)>();
        var number = 0;
        for (var start = 0; start < body.Length;)
        {
            var next = body[start..].IndexOf((byte)'\n');
            var end = next < 0 ? -1 : start + next;
            var line = body[start..(end < 0 ? body.Length : end)].TrimEnd((byte)'\r');
            start = end < 0 ? body.Length : end + 1;
            number++;
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            if (!System.Text.Unicode.Utf8.IsValid(line))
            {
                lines.Add((number, new DocumentBody.Parsed(null, null, ApiProblem.BadRequest("Invalid line", $"line {number} is not valid UTF-8"))));
                continue;
            }

            DocumentInput? input;
            try
            {
                input = JsonSerializer.Deserialize<DocumentInput>(line, JsonSerializerOptions.Web);
            }
            catch (JsonException e)
            {
                lines.Add((number, new DocumentBody.Parsed(null, null, ApiProblem.BadRequest("Invalid line", $"line {number} is not a JSON object {{ \"id\"?, \"text\", \"fileName\"? }}: {DocumentBody.JsonProblem(e)}"))));
                continue;
            }

            lines.Add((number, DocumentBody.FromInput(input, null, extractor)));
        }

        if (lines.Count == 0)
        {
            return ApiProblem.BadRequest("Empty body", "A bulk request is NDJSON: one JSON document { \"id\"?, \"text\", \"fileName\"? } per line.", "body");
        }

        var results = await host.WriteAsync(
            ingestor => lines.ConvertAll(l => l.Parsed.Record is { } record
                ? Result(l.Line, ingestor.IngestRecord(record, l.Parsed.SourceHash, $"bulk line {l.Line}"))
                : new BulkLineResult(l.Line, null, "failed", l.Parsed.Problem?.ProblemDetails.Detail)),
            cancellationToken);
        return TypedResults.Ok(results);
    }

    /// <summary>The index refused the document (a limit of <see cref="SearchService.Core.Index.Schema.IndexLimits"/>): nothing was written.</summary>
    private static ProblemHttpResult Refused(IngestOutcome outcome) =>
        ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "Document over a limit of the index", $"Nothing was written: {outcome.Error}.", "text");

    private static BulkLineResult Result(int line, IngestOutcome outcome) =>
        new(line, outcome.Id, outcome.Status.ToString().ToLowerInvariant(), outcome.Error);

    private static string Location(string id) => "/api/documents/" + Uri.EscapeDataString(id);
}
