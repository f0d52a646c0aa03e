using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchService.Core.Documents;

/// <summary>
/// The JSON settings of the record's one shape: camelCase names, enums in lower kebab case
/// ("centrally-run-city"), dates as ISO "yyyy-MM-dd", numbers only as JSON numbers, Vietnamese left
/// readable rather than \u-escaped.
/// </summary>
public static class ConclusionDocumentJson
{
    /// <summary>Indented output, for people and files.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>One line per value, for streams of records.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Gives <paramref name="options"/> the record's settings (the HTTP API's serializer takes them this way).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // Numbers are numbers: reading "10" as 10 (the web default) would also describe every
        // number in the OpenAPI document as "integer or string" to client generators.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
