namespace SearchService.Core.Index.Schema;

/// <summary>
/// A document breaks one of the <see cref="IndexLimits"/>: which field, which limit, and by how
/// much. Nothing of the document was indexed.
/// </summary>
public sealed class DocumentLimitException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> whose value is <paramref name="actual"/> long against <paramref name="limit"/>.</summary>
    public DocumentLimitException(string field, string what, int actual, int limit)
        : base($"field '{field}': {what} has {actual:N0} characters; the index takes at most {limit:N0}")
    {
        Field = field;
        Actual = actual;
        Limit = limit;
    }

    /// <summary>The field whose value is too long.</summary>
    public string Field { get; }

    /// <summary>The value's length in chars.</summary>
    public int Actual { get; }

    /// <summary>The limit it broke.</summary>
    public int Limit { get; }
}
