namespace SearchService.Core.Index.Schema;

/// <summary>
/// The largest values the index takes. A document over a limit is refused where it enters the
/// writer (<see cref="DocumentLimitException"/>), before anything is buffered, so the writer never
/// writes a segment its reader would refuse.
/// </summary>
/// <remarks>
/// The term dictionary stores a term's length as a variable-length count the reader trusts only up
/// to 65,536 chars; the writer's limit is half of that, like Lucene's 32,766-byte term limit, so no
/// stacked form (a syllable pair joins two terms) can reach the reader's bound. Text is split into
/// tokens of at most <see cref="Analysis.VietnameseTokenizer.MaxTokenLength"/> chars by the
/// tokenizer, so only keyword values (ids, localities, codes) can meet the term limit in practice.
/// </remarks>
public static class IndexLimits
{
    /// <summary>The longest term (a keyword value, or a token of a text field), in UTF-16 chars.</summary>
    public const int MaxTermLength = 32_766;

    /// <summary>The longest term the term dictionary's reader accepts, in UTF-16 chars.</summary>
    public const int MaxStoredTermLength = 65_536;

    /// <summary>The longest value of one field, in UTF-16 chars (16 Mi: the document readers' file limit).</summary>
    public const int MaxValueLength = 16 * 1024 * 1024;
}
