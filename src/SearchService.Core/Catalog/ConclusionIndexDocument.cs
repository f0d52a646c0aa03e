using System.Text.Json;
using SearchService.Core.Documents;
using SearchService.Core.Index.Schema;

namespace SearchService.Core.Catalog;

/// <summary>
/// Turns a <see cref="ConclusionDocument"/> into the fields of <see cref="ConclusionFields.Schema"/>
/// and stored values back into the record.
/// </summary>
public static class ConclusionIndexDocument
{
    /// <summary>The index document for <paramref name="document"/>; <paramref name="sourceHash"/> identifies the file it came from, when there was one.</summary>
    public static IndexDocument From(ConclusionDocument document, string? sourceHash = null) => From(document, sourceHash, default);

    /// <summary>
    /// The index document of one corpus line (its UTF-8 bytes, as <see cref="CorpusRecord"/> reads
    /// them) as ingestion makes it: the record parsed, the line's hash as the source hash, the
    /// body's UTF-8 kept for the stored fields.
    /// </summary>
    public static IndexDocument FromCorpusLine(ReadOnlyMemory<byte> utf8, out ConclusionDocument record)
    {
        record = CorpusRecord.Parse(utf8, out var bodyUtf8);
        return From(record, ConclusionIngestor.Hash(utf8.Span), bodyUtf8);
    }

    /// <summary>
    /// As <see cref="From(ConclusionDocument, string?)"/>, the body given with its UTF-8 bytes
    /// (<paramref name="bodyUtf8"/>, exactly <see cref="ConclusionDocument.Body"/> encoded, as
    /// <see cref="CorpusRecord"/> finds them in a corpus line; empty when there are none).
    /// </summary>
    internal static IndexDocument From(ConclusionDocument document, string? sourceHash, ReadOnlyMemory<byte> bodyUtf8)
    {
        ArgumentNullException.ThrowIfNull(document);
        var result = new IndexDocument().Add(ConclusionFields.Id, document.Id);
        if (document.Title is { Length: > 0 } title)
        {
            result.Add(ConclusionFields.Title, title);
        }

        if (bodyUtf8.IsEmpty)
        {
            result.Add(ConclusionFields.Body, document.Body);
        }
        else
        {
            result.Add(ConclusionFields.Body, document.Body, bodyUtf8);
        }
        result.Add(ConclusionFields.Type, EnumValue(document.Type));
        if (document.Level is { } level)
        {
            result.Add(ConclusionFields.Level, EnumValue(level));
        }

        if (document.Locality is { Length: > 0 } locality)
        {
            result.Add(ConclusionFields.Locality, locality);
        }

        if (document.Province is { Length: > 0 } province)
        {
            result.Add(ConclusionFields.Province, province);
        }

        if (document.CurrentProvince is { Length: > 0 } currentProvince)
        {
            result.Add(ConclusionFields.CurrentProvince, currentProvince);
        }

        foreach (var reference in document.References)
        {
            if (reference.Code is not { } code)
            {
                continue;
            }

            result.Add(ConclusionFields.Code, code);
            result.Add(ConclusionFields.Citation, Citation.Format(code, reference.Kind, reference.IssuerBody));
        }

        if (document.Signer is { } signer)
        {
            result.Add(ConclusionFields.Signer, signer.Name);
        }

        if (document.Date is { } date)
        {
            result.Add(ConclusionFields.Date, date.DayNumber);
            result.Add(ConclusionFields.Year, date.Year);
        }

        if (sourceHash is not null)
        {
            result.Add(ConclusionFields.SourceHash, sourceHash);
        }

        result.Add(ConclusionFields.Record, JsonSerializer.Serialize(document with { Body = "" }, ConclusionDocumentJson.Compact));
        return result;
    }

    /// <summary>The record back from a hit's stored values (as returned by a segment reader).</summary>
    public static ConclusionDocument ToRecord(IReadOnlyList<(string Field, object Value)> stored)
    {
        string? json = null;
        string? body = null;
        foreach (var (field, value) in stored)
        {
            if (field == ConclusionFields.Record)
            {
                json = (string)value;
            }
            else if (field == ConclusionFields.Body)
            {
                body = (string)value;
            }
        }

        if (json is null)
        {
            throw new InvalidOperationException("the stored document has no record; was it indexed with the conclusion schema?");
        }

        var record = JsonSerializer.Deserialize<ConclusionDocument>(json, ConclusionDocumentJson.Compact)
            ?? throw new InvalidOperationException("the stored record is empty");
        return record with { Body = body ?? "" };
    }

    /// <summary>The value of <paramref name="value"/> as the record's JSON writes it ("centrally-run-city").</summary>
    public static string EnumValue<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonSerializer.Serialize(value, ConclusionDocumentJson.Compact).Trim('"');
}
