namespace SearchService.Core.Analysis;

/// <summary>
/// One reusable instance of an analyzer's chain (normalizer buffers, tokenizer, filters). Not
/// thread-safe: a thread that analyzes many texts keeps one and calls <see cref="Reset"/> per
/// text, so analysis allocates nothing per document once its buffers have grown.
/// </summary>
public abstract class AnalysisPipeline
{
    /// <summary>Starts analyzing <paramref name="text"/>; read tokens from the returned stream.</summary>
    public abstract TokenStream Reset(ReadOnlySpan<char> text);
}
