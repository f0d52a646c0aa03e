using System.Text.Json;
using System.Text.Json.Nodes;
using SearchService.Core.Documents;

namespace SearchService.Core.Evaluation;

/// <summary>
/// Extraction measured field by field against records worked out by reading the documents: one
/// JSON object a line in the record's own shape ("id", "type", "level", "locality", "province",
/// "currentProvince", "date", "term", "conference", "period", "signer" …) plus "codes", the set of
/// full codes the document cites. Only the fields a line names are compared, so an expected null
/// ("period": null for a session notice) counts, while a field left out is not judged.
/// </summary>
public static class ExtractionAccuracy
{
    /// <summary>The fields reported, in order; "codes" is compared as a set.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["type", "number", "committee", "level", "locality", "province", "currentProvince", "date", "term", "termYears", "conference", "period", "signer", "codes"];

    /// <summary>Reads expected records, one JSON object a line (blank lines and lines starting with # skipped).</summary>
    /// <exception cref="FormatException">A line is not a JSON object with an "id".</exception>
    public static IReadOnlyList<JsonObject> ReadExpected(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<JsonObject>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException e)
            {
                throw new FormatException($"line {number}: not JSON ({e.Message})", e);
            }

            if (node is not JsonObject record || record["id"]?.GetValueKind() != JsonValueKind.String)
            {
                throw new FormatException($"line {number}: an expected record is a JSON object with a string \"id\"");
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>Compares each extracted record with the expected one of the same id; a missing document counts wrong on every expected field.</summary>
    public static IReadOnlyList<FieldAccuracy> Measure(IReadOnlyList<JsonObject> expected, IReadOnlyDictionary<string, ConclusionDocument> extracted)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(extracted);
        var results = new List<FieldAccuracy>();
        var actualJson = extracted.ToDictionary(e => e.Key, e => Actual(e.Value), StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            int correct = 0, total = 0;
            var misses = new List<string>();
            foreach (var record in expected)
            {
                if (!record.TryGetPropertyValue(field, out var want))
                {
                    continue;
                }

                total++;
                var id = record["id"]!.GetValue<string>();
                var found = actualJson.TryGetValue(id, out var actual);
                var got = found ? actual![field] : null;
                if (field == "codes" && want is JsonArray codes)
                {
                    want = new JsonArray([.. codes.Select(c => c?.GetValue<string>()).Order(StringComparer.Ordinal).Select(c => (JsonNode?)c)]);
                }

                if (found && JsonNode.DeepEquals(want, got))
                {
                    correct++;
                }
                else
                {
                    misses.Add($"{id}: {Show(want)} ≠ {(found ? Show(got) : "(no document)")}");
                }
            }

            results.Add(new FieldAccuracy(field, correct, total, misses));
        }

        return results;
    }

    private static JsonObject Actual(ConclusionDocument document)
    {
        var json = JsonSerializer.SerializeToNode(document with { Body = "" }, ConclusionDocumentJson.Compact)!.AsObject();
        var codes = new JsonArray();
        foreach (var code in document.References.Where(r => r.Code is not null).Select(r => r.Code!).Order(StringComparer.Ordinal))
        {
            codes.Add(code);
        }

        json["codes"] = codes;
        return json;
    }

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString(ConclusionDocumentJson.Compact);
}
