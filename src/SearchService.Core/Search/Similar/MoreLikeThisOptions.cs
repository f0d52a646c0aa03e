namespace SearchService.Core.Search.Similar;

/// <summary>
/// Which terms of a document may characterize it: the fields are the caller's; the rest defaults
/// to 25 terms, each at least twice in the document and in at least 2 and at most half of the documents.
/// </summary>
public sealed record MoreLikeThisOptions
{
    /// <summary>The keyword field of document ids (the key a document is found by and hits are named by).</summary>
    public required string IdField { get; init; }

    /// <summary>The stored text fields re-analyzed for terms.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>The analyzer the fields were indexed with (its index chain), so the terms found are the index's terms.</summary>
    public required Analysis.Analyzer Analyzer { get; init; }

    /// <summary>The most terms selected.</summary>
    public int MaxTerms { get; init; } = 25;

    /// <summary>A term must occur this often in the document (a single mention says little about a long text).</summary>
    public int MinTermFreq { get; init; } = 2;

    /// <summary>A term must be in this many documents (the source included): one only in the source finds nothing.</summary>
    public int MinDocFreq { get; init; } = 2;

    /// <summary>A term in more than this fraction of the documents is genre vocabulary ("kết luận", "nhiệm vụ"), not topic, and is skipped.</summary>
    public double MaxDocFreqFraction { get; init; } = 0.5;

    /// <summary>Shortest term kept, in chars.</summary>
    public int MinTermLength { get; init; } = 2;

    /// <summary>BM25's k1: how fast a term's repeated occurrences in a candidate stop adding to its score.</summary>
    public double K1 { get; init; } = 1.2;
}
