using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchService.Core.Documents;

/// <summary>
/// The JSON settings of the record's one shape: camelCase names, enums in lower kebab case
/// ("centrally-run-city"), dates as ISO "yyyy-MM-dd", Vietnamese left readable rather than \u-escaped.
/// </summary>
public static class ConclusionDocumentJson
{
    /// <summary>Indented output, for people and files.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>One line per value, for streams of records.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
