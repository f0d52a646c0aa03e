namespace SearchService.Core.Index.Schema;

/// <summary>How a field's values are indexed.</summary>
public enum FieldKind
{
    /// <summary>Analyzed with the Vietnamese analyzer: terms with positions (no offsets: the highlighter re-analyzes the stored text), a length norm.</summary>
    Text,

    /// <summary>Exact values (id, locality, type, cited codes), possibly several a document; also a sorted-set column for facets and filters.</summary>
    Keyword,

    /// <summary>64-bit integers (a date as days, a year); a numeric column for ranges and sorting, and the value as an exact term.</summary>
    Numeric,

    /// <summary>Kept with the document and returned with hits, never searched (e.g. the full extracted record as JSON).</summary>
    StoredOnly,
}
