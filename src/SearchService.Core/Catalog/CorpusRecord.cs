using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
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
    public static ConclusionDocument Parse(ReadOnlyMemory<byte> utf8) => Parse(utf8, out _);

    /// <summary>
    /// As <see cref="Parse(ReadOnlyMemory{byte})"/>, with the body's UTF-8 bytes in
    /// <paramref name="bodyUtf8"/> (the JSON string with its escapes undone): the stored fields
    /// copy them instead of encoding the body again.
    /// </summary>
    internal static ConclusionDocument Parse(ReadOnlyMemory<byte> utf8, out ReadOnlyMemory<byte> bodyUtf8)
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
                JsonValueKind.String => StringOf(idValue, "id"),
                JsonValueKind.Number => idValue.GetRawText(),
                _ => null,
            } : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new FormatException("the line has no \"id\" (a string or a number)");
            }

            var body = StringValue(root, "body") is { } element ? Body(element, "body", out bodyUtf8)
                : StringValue(root, "text") is { } text ? Body(text, "text", out bodyUtf8)
                : throw new FormatException($"document {id} has no \"body\" or \"text\"");
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

    private static string? Text(JsonElement root, string name) => StringValue(root, name) is { } value ? StringOf(value, name) : null;

    /// <summary>A string value; one that is no text (an escaped lone surrogate) fails the line, naming the field.</summary>
    private static string StringOf(JsonElement value, string name)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"\"{name}\" is not valid text: {e.Message}", e);
        }
    }

    private static JsonElement? StringValue(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value : null;

    /// <summary>
    /// The body's text, and in <paramref name="bytes"/> its UTF-8 (the JSON string with its escapes
    /// undone, which is the text encoded exactly), decoded in one pass (reading the element as a
    /// string counts its chars first, then decodes). A string the reader cannot make a string of
    /// (a lone surrogate escaped, invalid UTF-8) is read as a string after all, to fail as others do.
    /// </summary>
    private static string Body(JsonElement element, string name, out ReadOnlyMemory<byte> bytes)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element); // the string as the line spells it, quotes included
        var unescaped = GC.AllocateUninitializedArray<byte>(raw.Length); // undoing escapes never lengthens
        int length;
        try
        {
            var reader = new Utf8JsonReader(raw);
            reader.Read();
            length = reader.CopyString(unescaped);
        }
        catch (InvalidOperationException)
        {
            bytes = default;
            return StringOf(element, name);
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(length, 1)); // never more chars than bytes
        try
        {
            if (Utf8.ToUtf16(unescaped.AsSpan(0, length), chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                bytes = default;
                return StringOf(element, name);
            }

            bytes = unescaped.AsMemory(0, length);
            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

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
