namespace SearchService.Core.Analysis;

/// <summary>
/// Where <see cref="AnalysisPipeline.Index"/> puts a text's terms: each occurrence with its
/// position and whether the index keeps that term's positions. A sink numbers the distinct terms
/// it holds, so a pipeline that meets a term again can name it by that number instead of handing
/// over (and having the sink hash and compare) its chars once more.
/// </summary>
/// <remarks>
/// The numbers hold until the sink forgets its terms, which it signals by changing
/// <see cref="Generation"/>; a pipeline that remembers numbers checks it before each text.
/// </remarks>
public interface ITermSink
{
    /// <summary>Changes whenever the sink forgets its terms (numbers given before are void).</summary>
    int Generation { get; }

    /// <summary>
    /// An occurrence of <paramref name="term"/>, whose <see cref="TermHash.Of"/> is
    /// <paramref name="hash"/>, at <paramref name="position"/> (positions never decrease);
    /// <paramref name="indexPositions"/> is <see cref="TokenAttributes.IndexPositions"/>. Returns
    /// the term's number in the sink, or −1 when the sink leaves the term out.
    /// </summary>
    int Add(ReadOnlySpan<char> term, int hash, int position, bool indexPositions);

    /// <summary>Another occurrence, at <paramref name="position"/>, of the term <see cref="Add"/> numbered <paramref name="term"/>.</summary>
    void AddAgain(int term, int position);
}
