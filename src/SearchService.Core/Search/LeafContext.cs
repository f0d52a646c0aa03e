using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search;

/// <summary>One segment of a snapshot as a search sees it: the reader and where its documents start in snapshot numbering.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="DocBase">The snapshot-wide number of its document 0.</param>
/// <param name="Ordinal">Its place among the snapshot's segments.</param>
public sealed record LeafContext(SegmentReader Segment, int DocBase, int Ordinal);
