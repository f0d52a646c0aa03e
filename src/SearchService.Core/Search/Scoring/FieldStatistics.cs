namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Snapshot-wide statistics of one field that BM25 needs: how many documents have it (deleted
/// ones included, as their terms still count in document frequencies until a merge) and their
/// average length in positions, from the decoded norms.
/// </summary>
/// <param name="DocCount">Documents with a non-empty value (every document for fields without norms).</param>
/// <param name="AverageLength">Mean length of those documents (1 for fields without norms).</param>
/// <param name="LengthTable">The BM25 length part per norm byte.</param>
public sealed record FieldStatistics(long DocCount, double AverageLength, float[] LengthTable);
