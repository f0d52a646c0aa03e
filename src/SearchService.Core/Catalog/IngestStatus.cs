namespace SearchService.Core.Catalog;

/// <summary>What ingesting one source did to the index.</summary>
public enum IngestStatus
{
    /// <summary>A new id: the document was added.</summary>
    Added,

    /// <summary>A known id whose source changed: the old version was replaced.</summary>
    Updated,

    /// <summary>A known id whose source is byte for byte the one indexed: nothing was done.</summary>
    Unchanged,

    /// <summary>The source could not be read or extracted; the index was not touched.</summary>
    Failed,
}
