using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SearchService.Api.Configuration;
using SearchService.Api.Contracts;
using SearchService.Api.Hosting;
using SearchService.Core.Catalog;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Documents.Readers;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Reads the document of a POST or PUT: JSON <c>{ id?, text, fileName? }</c> or a multipart upload
/// of a .txt/.md/.docx/.pdf file (part <c>file</c>, optional field <c>id</c>), and extracts its record.
/// Every way it can go wrong is a ProblemDetails saying what and where.
/// </summary>
public static class DocumentBody
{
    /// <summary>The extracted record with the hash of its source, or the problem.</summary>
    public sealed record Parsed(ConclusionDocument? Record, string? SourceHash, ProblemHttpResult? Problem);

    /// <summary>Reads and extracts the request's document; <paramref name="routeId"/> is the id in the URL of a PUT.</summary>
    public static async Task<Parsed> ReadAsync(HttpRequest request, string? routeId, SearchServiceOptions options, ConclusionExtractor extractor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            return Fail(ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "Request too large", $"The body has {request.ContentLength} bytes; at most {options.MaxRequestBodyBytes} are accepted."));
        }

        try
        {
            if (request.HasFormContentType)
            {
                return await ReadUploadAsync(request, routeId, options, extractor, cancellationToken);
            }

            if (request.HasJsonContentType())
            {
                DocumentInput? input;
                try
                {
                    input = await request.ReadFromJsonAsync<DocumentInput>(cancellationToken);
                }
                catch (JsonException e)
                {
                    return Fail(ApiProblem.BadRequest("Body is not valid JSON", $"Expected {{ \"id\"?, \"text\", \"fileName\"? }} with string values: {JsonProblem(e)}", "body"));
                }

                return FromInput(input, routeId, extractor);
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (a chunked body over the maximum, a slow client).
            return Fail(ApiProblem.Create(e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request too large" : "Request rejected", e.Message));
        }

        return Fail(ApiProblem.Create(
            StatusCodes.Status415UnsupportedMediaType,
            "Unsupported content type",
            $"Send the document as application/json {{ \"id\"?, \"text\", \"fileName\"? }} or as multipart/form-data with a 'file' part, not '{request.ContentType}'."));
    }

    /// <summary>Where and what is wrong in a JSON body, in the client's terms (no .NET type names).</summary>
    public static string JsonProblem(JsonException e)
    {
        var where = e.Path is { Length: > 0 } path && path != "$" ? $" at {path}" : "";
        var line = e.LineNumber is { } l ? $" (line {l + 1}, byte {e.BytePositionInLine + 1})" : "";
        // System.Text.Json reports text that is not JSON by wrapping its reader's exception (itself a
        // JsonException); a well-formed value of the wrong type has no such inner exception.
        return e.InnerException is JsonException
            ? $"not well-formed JSON{where}{line}"
            : $"a value of the wrong type{where}{line}";
    }

    /// <summary>The record of one JSON document (a POST body or a bulk line).</summary>
    public static Parsed FromInput(DocumentInput? input, string? routeId, ConclusionExtractor extractor)
    {
        if (input is null || string.IsNullOrWhiteSpace(input.Text))
        {
            return Fail(ApiProblem.BadRequest("Missing text", "The document's 'text' is required and may not be empty.", "text"));
        }

        if (routeId is not null && input.Id is not null && input.Id != routeId)
        {
            return Fail(ApiProblem.BadRequest("Id mismatch", $"The URL names document '{routeId}' but the body says '{input.Id}'.", "id"));
        }

        var id = routeId ?? input.Id ?? DocumentIds.Default(input.FileName, input.Text);
        if (DocumentIds.Problem(id) is { } problem)
        {
            return Fail(ApiProblem.BadRequest("Invalid id", problem, "id"));
        }

        var record = extractor.Extract(id, input.Text);
        return new Parsed(record, ConclusionIngestor.Hash(Encoding.UTF8.GetBytes(input.Text)), null);
    }

    private static async Task<Parsed> ReadUploadAsync(HttpRequest request, string? routeId, SearchServiceOptions options, ConclusionExtractor extractor, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            return Fail(ApiProblem.BadRequest("Malformed upload", "A multipart/form-data body needs a boundary parameter in its Content-Type (multipart/form-data; boundary=…).", "file"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"The upload is larger than the {options.MaxUploadBytes} bytes accepted.", "file"));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A body cut short (no closing boundary), a malformed part header.
            return Fail(ApiProblem.BadRequest("Malformed upload", $"The multipart body could not be read: {e.Message}", "file"));
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
        if (file is null)
        {
            return Fail(ApiProblem.BadRequest("Missing file", "A multipart upload needs one file part named 'file'.", "file"));
        }

        var readers = new DocumentReaders();
        var name = Path.GetFileName(file.FileName);
        if (!readers.CanRead(name))
        {
            return Fail(ApiProblem.Create(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported file type",
                $"'{name}' is not a document the service reads; send one of: {string.Join(", ", readers.Extensions.Order(StringComparer.Ordinal))}.",
                "file"));
        }

        if (file.Length > options.MaxUploadBytes)
        {
            return Fail(ApiProblem.Create(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"'{name}' has {file.Length} bytes; at most {options.MaxUploadBytes} are accepted.", "file"));
        }

        var formId = form["id"].ToString();
        if (routeId is not null && formId.Length > 0 && formId != routeId)
        {
            return Fail(ApiProblem.BadRequest("Id mismatch", $"The URL names document '{routeId}' but the form says '{formId}'.", "id"));
        }

        var id = routeId ?? (formId.Length > 0 ? formId : Path.GetFileNameWithoutExtension(name));
        if (DocumentIds.Problem(id) is { } problem)
        {
            return Fail(ApiProblem.BadRequest("Invalid id", problem, "id"));
        }

        // The readers work on files (pdftotext, the docx package): keep the upload in a private temp folder for the extraction.
        var folder = Directory.CreateTempSubdirectory(UploadFolders.Prefix);
        try
        {
            var path = Path.Combine(folder.FullName, "upload" + Path.GetExtension(name).ToLowerInvariant());
            await using (var target = File.Create(path))
            {
                await file.CopyToAsync(target, cancellationToken);
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var text = readers.Read(path);
            if (string.IsNullOrWhiteSpace(text))
            {
                return Fail(ApiProblem.Create(StatusCodes.Status422UnprocessableEntity, "Empty document", $"'{name}' holds no text to index (a scanned PDF needs OCR first).", "file"));
            }

            var record = extractor.Extract(id, text);
            return new Parsed(record, ConclusionIngestor.Hash(bytes), null);
        }
        catch (DocumentReadException e)
        {
            return Fail(ApiProblem.Create(StatusCodes.Status422UnprocessableEntity, "Unreadable document", $"'{name}' could not be read: {e.Reason}", "file"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Parsed Fail(ProblemHttpResult problem) => new(null, null, problem);
}
