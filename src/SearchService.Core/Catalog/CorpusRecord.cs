using System.Globalization;
using System.Text.Json;
using SearchService.Core.Documents;

namespace SearchService.Core.Catalog;

/// <summary>
/// One line of a corpus file (.jsonl): a document already split into fields, as the bench
/// generator writes them — <c>{ "id", "title", "body", "locality", "province", "level", "date",
/// "doc_type" }</c>, <c>"text"</c> accepted for the body (the eval format) and everything but id
/// and body optional. Ids may be numbers or strings.
/// </summary>
public static class CorpusRecord
{
    /// <summary>The record of one JSON line; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static ConclusionDocument Parse(string line) => Parse(System.Text.Encoding.UTF8.GetBytes(line));

    /// <summary>
    /// The record of one JSON line given as its UTF-8 bytes (which a caller that hashes the line
    /// has already made: parsing a string would make them again); throws <see cref="FormatException"/>
    /// saying what is wrong.
    /// </summary>
    public static ConclusionDocument Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a JSON object: {e.Message}", e);
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("a corpus line must be a JSON object");
            }

            var id = root.TryGetProperty("id", out var idValue) ? idValue.ValueKind switch
            {
                JsonValueKind.String => idValue.GetString(),
                JsonValueKind.Number => idValue.GetRawText(),
                _ => null,
            } : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new FormatException("the line has no \"id\" (a string or a number)");
            }

            var body = Text(root, "body") ?? Text(root, "text") ?? throw new FormatException($"document {id} has no \"body\" or \"text\"");
            DateOnly? date = Text(root, "date") is { } d
                ? DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : throw new FormatException($"document {id}: date '{d}' is not yyyy-MM-dd")
                : null;
            return new ConclusionDocument
            {
                Id = id,
                Title = Text(root, "title"),
                Body = body,
                Locality = Text(root, "locality"),
                Province = Text(root, "province"),
                Level = LevelOf(Text(root, "level")),
                Type = TypeOf(Text(root, "doc_type")),
                Date = date,
            };
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static AdministrativeLevel? LevelOf(string? level) => level?.ToLowerInvariant() switch
    {
        "tỉnh" => AdministrativeLevel.Province,
        "huyện" => AdministrativeLevel.District,
        "thị xã" => AdministrativeLevel.Town,
        "thành phố" => AdministrativeLevel.ProvincialCity,
        "quận" => AdministrativeLevel.UrbanDistrict,
        _ => null,
    };

    private static DocumentType TypeOf(string? type) => type?.ToLowerInvariant() switch
    {
        "kết luận" => DocumentType.Conclusion,
        "thông báo kết luận" => DocumentType.Notice,
        "nghị quyết" => DocumentType.Resolution,
        "chỉ thị" => DocumentType.Directive,
        _ => DocumentType.Other,
    };
}
