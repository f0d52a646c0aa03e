using SearchService.Core.Index.Schema;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// What <see cref="SegmentWriter"/> writes a segment from, already numbered as the new segment
/// numbers its documents 0..DocCount-1: the RAM buffer at a flush, or several segments at a merge.
/// </summary>
internal abstract class SegmentSource
{
    protected SegmentSource(IndexSchema schema) => Schema = schema;

    public IndexSchema Schema { get; }

    /// <summary>Documents in the new segment.</summary>
    public abstract int DocCount { get; }

    /// <summary>
    /// Maps the doc numbers inside <see cref="Terms"/> postings to the new segment's (-1: left out), or
    /// null when they are already the new numbers. The buffer keeps its own numbers so a flush
    /// need not copy every posting list.
    /// </summary>
    public abstract int[]? DocMap { get; }

    /// <summary>Per new document, the norm byte of text field <paramref name="field"/>.</summary>
    public abstract byte[] Norms(int field);

    /// <summary>
    /// The field's terms in ordinal order with their postings and document frequency in the new
    /// segment (never 0). A source may reuse one postings buffer: read each before moving on.
    /// </summary>
    public abstract IEnumerable<(string Term, TermPostingsBuffer Postings, int DocFreq)> Terms(int field);

    /// <summary>Each new document's stored-fields bytes (see <see cref="StoredDocument"/>), in order.</summary>
    public abstract IEnumerable<byte[]> StoredDocuments();

    /// <summary>
    /// The stored-fields dictionary new chunks are compressed over: set by the index writer to its
    /// session's (null: the segment makes its own from its first documents), and after writing,
    /// the one that was used, which the first flush of a session hands on to the ones after it.
    /// </summary>
    public byte[]? StoredDictionary { get; set; }

    /// <summary>
    /// Gives the new segment's stored fields to <paramref name="writer"/> in doc order: every
    /// document by default; a merge copies whole compressed chunks where it can.
    /// </summary>
    public virtual void WriteStoredFields(StoredFieldsWriter writer)
    {
        foreach (var document in StoredDocuments())
        {
            writer.Add(document);
        }
    }

    /// <summary>Per new document, the first value of numeric field <paramref name="field"/> (long.MinValue for none).</summary>
    public abstract long[] Numerics(int field);

    /// <summary>
    /// Keyword field <paramref name="field"/> as a column of the new segment: its distinct values
    /// sorted ordinally and each new document's ordinals into them.
    /// </summary>
    public abstract KeywordColumnData KeywordColumn(int field);
}
