namespace SearchService.Core.Analysis;

/// <summary>
/// Which steps of the Vietnamese chain run. Every switch exists so that its effect can be
/// measured (the evaluation command compares variants on the same data).
/// </summary>
public sealed record VietnameseAnalyzerOptions
{
    /// <summary>Stack accent-folded copies ("nong" beside "nông").</summary>
    public bool Fold { get; init; } = true;

    /// <summary>Stack adjacent-syllable pairs ("giải_phóng").</summary>
    public bool Pairs { get; init; } = true;

    /// <summary>Stack abbreviation synonyms on spelled-out phrases ("gpmb" on "giải phóng mặt bằng").</summary>
    public bool Synonyms { get; init; } = true;

    /// <summary>Stack the parts of document codes ("18", "nq", "tu" on "18-nq/tu").</summary>
    public bool CodeParts { get; init; } = true;

    /// <summary>Drop stop words (query side only; see <see cref="StopWordFilter"/>).</summary>
    public bool RemoveStopWords { get; init; }

    /// <summary>The chain used to index documents.</summary>
    public static VietnameseAnalyzerOptions Indexing { get; } = new();

    /// <summary>The chain used for a query's loose words: as indexing, plus stop-word removal.</summary>
    public static VietnameseAnalyzerOptions Query { get; } = new() { RemoveStopWords = true };
}
