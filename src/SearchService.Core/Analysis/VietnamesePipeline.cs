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

    // What indexes a text on interned numbers (the whole chain's work, its words' spellings
    // remembered): one a thread, so its vocabulary is learned once however many pipelines (a field each, in every
    // document being analyzed) the thread runs.
    [ThreadStatic]
    private static StackedFormsIndexer? t_stacking;

    private readonly VietnameseAnalyzerOptions _options;

    // Whether the index takes the road on interned numbers (StackedFormsIndexer): not when the
    // options leave the pair or folding filter out or drop stop words; the index then reads the
    // whole chain.
    private readonly bool _indexesOnNumbers;

    public VietnamesePipeline(VietnameseAnalyzerOptions options)
    {
        _options = options;
        _indexesOnNumbers = options.Pairs && options.Fold && !options.RemoveStopWords;
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

    /// <inheritdoc />
    public override int Index(ReadOnlySpan<char> text, int positionBase, ITermSink sink, out int length)
    {
        if (!_indexesOnNumbers)
        {
            return base.Index(text, positionBase, sink, out length);
        }

        VietnameseTextNormalizer.Normalize(text, _normalized, offsets: false);
        return (t_stacking ??= new StackedFormsIndexer()).Index(_normalized, _options.CodeParts, _options.Synonyms, positionBase, sink, out length);
    }
}
