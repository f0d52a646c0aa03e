namespace SearchService.Core.Index.Schema;

/// <summary>
/// The index was written with other fields than the writer's schema (an older release, another
/// application's index): nothing is changed; reindex into an empty folder.
/// </summary>
public sealed class IndexSchemaMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception with the fields on both sides in <paramref name="message"/>.</summary>
    public IndexSchemaMismatchException(string message)
        : base(message)
    {
    }
}
