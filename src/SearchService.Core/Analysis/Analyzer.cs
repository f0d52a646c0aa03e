namespace SearchService.Core.Analysis;

/// <summary>
/// What the engine knows of a language: for a field, the chain that turns a document's text into
/// index terms and the chain that turns a query's loose words into the terms to look up. The index
/// writer depends on this type only, so tests and other languages can plug in their own chains;
/// <see cref="VietnameseAnalyzer"/> is the one the service uses.
/// </summary>
/// <remarks>
/// Implementations are immutable and thread-safe; the chains they create are not, and a thread
/// keeps one per field and reuses it text after text.
/// </remarks>
public abstract class Analyzer
{
    /// <summary>A new reusable chain for indexing the text of <paramref name="field"/>.</summary>
    public abstract AnalysisPipeline CreateIndexPipeline(string field);

    /// <summary>A new reusable chain for a query's loose words searched in <paramref name="field"/>.</summary>
    public abstract AnalysisPipeline CreateQueryPipeline(string field);
}
