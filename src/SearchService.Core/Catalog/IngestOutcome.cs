namespace SearchService.Core.Catalog;

/// <summary>The result of ingesting one source (a file, or one line of a corpus file).</summary>
/// <param name="Source">The file, with ":line" for a corpus line.</param>
/// <param name="Id">The document id, when it got that far.</param>
/// <param name="Status">What happened.</param>
/// <param name="Error">Why it failed, for <see cref="IngestStatus.Failed"/>.</param>
/// <param name="Bytes">Source bytes read (for throughput).</param>
public sealed record IngestOutcome(string Source, string? Id, IngestStatus Status, string? Error, long Bytes);
