namespace SearchService.Core.Analysis;

/// <summary>
/// The Vietnamese analyzer: <see cref="VietnameseTextNormalizer"/> (NFC, Đ look-alikes, markdown
/// emphasis, invisible characters), <see cref="VietnameseTokenizer"/>, then the filters
/// <see cref="LowerCaseFilter"/>, <see cref="ToneMarkFilter"/>, <see cref="DocumentCodePartsFilter"/>,
/// <see cref="AbbreviationSynonymFilter"/>, <see cref="SyllablePairFilter"/>,
/// <see cref="StopWordFilter"/> (queries only) and <see cref="AccentFoldingFilter"/>, each
/// switchable through <see cref="VietnameseAnalyzerOptions"/>.
/// </summary>
/// <remarks>
/// The analyzer itself is immutable and thread-safe; the work is done by
/// <see cref="AnalysisPipeline"/> instances, one per thread. As an <see cref="Analyzer"/> it
/// indexes every field with the chain of its <see cref="Options"/> and reads a query's loose words
/// with the same chain plus stop-word removal.
/// </remarks>
public sealed class VietnameseAnalyzer : Analyzer
{
    /// <summary>Creates an analyzer with <paramref name="options"/> (default: the indexing chain).</summary>
    public VietnameseAnalyzer(VietnameseAnalyzerOptions? options = null)
    {
        Options = options ?? VietnameseAnalyzerOptions.Indexing;
    }

    /// <summary>The analyzer documents are indexed with.</summary>
    public static VietnameseAnalyzer Indexing { get; } = new(VietnameseAnalyzerOptions.Indexing);

    /// <summary>The analyzer for a query's loose words.</summary>
    public static VietnameseAnalyzer Query { get; } = new(VietnameseAnalyzerOptions.Query);

    /// <summary>The steps this analyzer runs.</summary>
    public VietnameseAnalyzerOptions Options { get; }

    /// <summary>A new reusable chain of <see cref="Options"/>; keep one per thread.</summary>
    public AnalysisPipeline CreatePipeline() => new VietnamesePipeline(Options);

    /// <inheritdoc />
    public override AnalysisPipeline CreateIndexPipeline(string field) => CreatePipeline();

    /// <inheritdoc />
    public override AnalysisPipeline CreateQueryPipeline(string field) =>
        new VietnamesePipeline(Options.RemoveStopWords ? Options : Options with { RemoveStopWords = true });

    /// <summary>Analyzes <paramref name="text"/> into a list of tokens (convenient, allocates a string per token).</summary>
    public IReadOnlyList<AnalyzedToken> Analyze(string text)
    {
        var stream = CreatePipeline().Reset(text);
        var tokens = new List<AnalyzedToken>();
        var position = -1;
        var attributes = stream.Attributes;
        while (stream.IncrementToken())
        {
            position += attributes.PositionIncrement;
            tokens.Add(new AnalyzedToken(
                attributes.Term.ToString(),
                attributes.Type,
                Math.Max(position, 0),
                attributes.StartOffset,
                attributes.EndOffset,
                attributes.IndexPositions));
        }

        return tokens;
    }
}
