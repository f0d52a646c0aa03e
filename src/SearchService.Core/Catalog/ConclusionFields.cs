using SearchService.Core.Index.Schema;

namespace SearchService.Core.Catalog;

/// <summary>
/// The index fields of a conclusion document and the schema they make. Searches, filters and
/// facets name these fields; the API and the CLI never spell a field name of their own.
/// </summary>
public static class ConclusionFields
{
    /// <summary>Keyword: the document id (file name without extension by default); the key of update and delete.</summary>
    public const string Id = "id";

    /// <summary>Text: the heading lines in sentence case.</summary>
    public const string Title = "title";

    /// <summary>Text: the clean full text.</summary>
    public const string Body = "body";

    /// <summary>Keyword: the document type in the record's JSON spelling ("conclusion", "notice" …).</summary>
    public const string Type = "type";

    /// <summary>Keyword: the issuing committee's level ("district", "town", "provincial-city" …).</summary>
    public const string Level = "level";

    /// <summary>Keyword: the issuing locality as written in the gazetteer ("Từ Sơn").</summary>
    public const string Locality = "locality";

    /// <summary>Keyword: the province or centrally-run city on the document's date ("Bình Định").</summary>
    public const string Province = "province";

    /// <summary>
    /// Keyword: the province or centrally-run city that holds the locality today, since the 2025
    /// reorganisation ("Gia Lai" for a 2024 document of Bình Định's Quy Nhơn), so a search by today's
    /// province can take in the older documents of the areas it absorbed.
    /// </summary>
    public const string CurrentProvince = "current_province";

    /// <summary>Keyword, several a document: the full codes the document cites ("18-NQ/TU").</summary>
    public const string Code = "code";

    /// <summary>
    /// Keyword, several a document, not stored: "code|kind|issuing body" of each cited code
    /// ("18-NQ/TU|resolution|Tỉnh ủy Bắc Ninh"; the body empty when unresolved), so citation
    /// questions — who cites what, which directives are cited most — are answered from columns.
    /// </summary>
    public const string Citation = "citation";

    /// <summary>Text: the signer's name.</summary>
    public const string Signer = "signer";

    /// <summary>Numeric: the document date as days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>).</summary>
    public const string Date = "date";

    /// <summary>Numeric: the document's year.</summary>
    public const string Year = "year";

    /// <summary>Keyword: a hash of the source file's bytes, so re-indexing an unchanged file can be skipped.</summary>
    public const string SourceHash = "source_hash";

    /// <summary>Stored only: the extracted record as JSON without its body (the body is <see cref="Body"/>).</summary>
    public const string Record = "record";

    /// <summary>The schema of a conclusion index; field order is part of the on-disk format, so only append.</summary>
    public static IndexSchema Schema { get; } = new(
        [
            new FieldDefinition(Id, FieldKind.Keyword),
            new FieldDefinition(Title, FieldKind.Text),
            new FieldDefinition(Body, FieldKind.Text),
            new FieldDefinition(Type, FieldKind.Keyword),
            new FieldDefinition(Level, FieldKind.Keyword),
            new FieldDefinition(Locality, FieldKind.Keyword),
            new FieldDefinition(Province, FieldKind.Keyword),
            new FieldDefinition(Code, FieldKind.Keyword),
            new FieldDefinition(Citation, FieldKind.Keyword, Stored: false),
            new FieldDefinition(Signer, FieldKind.Text),
            new FieldDefinition(Date, FieldKind.Numeric),
            new FieldDefinition(Year, FieldKind.Numeric),
            new FieldDefinition(SourceHash, FieldKind.Keyword),
            new FieldDefinition(Record, FieldKind.StoredOnly),
            new FieldDefinition(CurrentProvince, FieldKind.Keyword),
        ],
        Id);
}
