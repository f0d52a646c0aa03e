namespace SearchService.Core.Analysis;

/// <summary>
/// One reusable instance of an analyzer's chain (normalizer buffers, tokenizer, filters). Not
/// thread-safe: a thread that analyzes many texts keeps one and calls <see cref="Reset"/> per
/// text, so analysis allocates nothing per document once its buffers have grown.
/// </summary>
public sealed class AnalysisPipeline
{
    private readonly NormalizedText _normalized = new();
    private readonly VietnameseTokenizer _tokenizer;
    private readonly TokenStream _last;

    internal AnalysisPipeline(VietnameseAnalyzerOptions options)
    {
        var attributes = new TokenAttributes();
        _tokenizer = new VietnameseTokenizer(attributes);
        TokenStream stream = new LowerCaseFilter(_tokenizer);
        stream = new ToneMarkFilter(stream);
        if (options.CodeParts)
        {
            stream = new DocumentCodePartsFilter(stream);
        }

        if (options.Synonyms)
        {
            stream = new AbbreviationSynonymFilter(stream);
        }

        if (options.Pairs)
        {
            stream = new SyllablePairFilter(stream);
        }

        if (options.RemoveStopWords)
        {
            stream = new StopWordFilter(stream);
        }

        if (options.Fold)
        {
            stream = new AccentFoldingFilter(stream);
        }

        _last = stream;
    }

    /// <summary>Starts analyzing <paramref name="text"/>; read tokens from the returned stream.</summary>
    public TokenStream Reset(ReadOnlySpan<char> text)
    {
        VietnameseTextNormalizer.Normalize(text, _normalized);
        _tokenizer.SetInput(_normalized);
        _last.Reset();
        return _last;
    }
}
