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

    /// <summary>
    /// Analyzes <paramref name="text"/> for the index: every token goes to <paramref name="sink"/>
    /// at its position, counted from <paramref name="positionBase"/> (a token never lands before
    /// position 0). Returns the position of the last token (<paramref name="positionBase"/> − 1
    /// when there is none) and, in <paramref name="length"/>, how many positions the text took.
    /// </summary>
    /// <remarks>
    /// The sink receives exactly the tokens of <see cref="Reset"/>'s stream, in its order. This
    /// reads that stream; a chain may override it to reach the same terms more cheaply.
    /// </remarks>
    public virtual int Index(ReadOnlySpan<char> text, int positionBase, ITermSink sink, out int length)
    {
        var stream = Reset(text);
        var attributes = stream.Attributes;
        var position = positionBase - 1;
        length = 0;
        while (stream.IncrementToken())
        {
            position += attributes.PositionIncrement;
            if (attributes.PositionIncrement > 0)
            {
                length++;
            }

            sink.Add(attributes.Term, TermHash.Of(attributes.Term), Math.Max(position, 0), attributes.IndexPositions);
        }

        return position;
    }
}
