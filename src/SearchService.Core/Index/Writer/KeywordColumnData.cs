namespace SearchService.Core.Index.Writer;

/// <summary>
/// A keyword column as <see cref="SegmentWriter"/> writes it: the distinct values of the new
/// segment's documents sorted ordinally, and per document (<paramref name="Starts"/>, DocCount + 1
/// entries) its ordinals into them, ascending.
/// </summary>
internal sealed record KeywordColumnData(IReadOnlyList<string> Values, int[] Starts, int[] Ords);
