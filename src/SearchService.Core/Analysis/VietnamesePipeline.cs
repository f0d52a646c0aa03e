namespace SearchService.Core.Analysis;

/// <summary>
/// The Vietnamese chain as <see cref="VietnameseAnalyzerOptions"/> configures it: normalizer,
/// tokenizer, then the filters in their fixed order.
/// </summary>
internal sealed class VietnamesePipeline : AnalysisPipeline
{
    private readonly NormalizedText _normalized = new();
    private readonly VietnameseTokenizer _tokenizer;
    private readonly TokenStream _last;

    public VietnamesePipeline(VietnameseAnalyzerOptions options)
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

    /// <inheritdoc />
    public override TokenStream Reset(ReadOnlySpan<char> text)
    {
        VietnameseTextNormalizer.Normalize(text, _normalized);
        _tokenizer.SetInput(_normalized);
        _last.Reset();
        return _last;
    }
}
