namespace SearchService.Core.Index.Reader;

/// <summary>A term's entry in a segment's term dictionary: its statistics and where its postings start.</summary>
/// <param name="DocFreq">Documents the term occurs in (deleted ones included until a merge).</param>
/// <param name="TotalTermFreq">Occurrences in all documents.</param>
/// <param name="DocPointer">Start of its postings in <c>.doc</c>.</param>
/// <param name="PosPointer">Start of its positions in <c>.pos</c> (unused without positions).</param>
/// <param name="HasPositions">Whether its occurrences' positions are indexed (not for keyword and numeric values; see <see cref="Codec.PostingsFormat.IndexesPositions"/>).</param>
public readonly record struct TermInfo(int DocFreq, long TotalTermFreq, long DocPointer, long PosPointer, bool HasPositions = true);
