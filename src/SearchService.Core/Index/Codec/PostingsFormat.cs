namespace SearchService.Core.Index.Codec;

/// <summary>
/// Layout of a term's postings (format 4). In <c>.doc</c>, for a term with docFreq df: first one
/// skip entry per full block of 128 docs — last doc of the block (VInt, delta from the previous
/// block's last doc), the block's byte length (VInt), its largest term frequency (VInt), its
/// smallest norm byte (byte), and for a term with positions where the block's positions start:
/// the <c>.pos</c> pointer of the positions block holding its first occurrence and the count of
/// occurrences before it (VLong deltas from the previous entry's) — then, for a term with
/// positions and at least one full block, the same two numbers for the tail; then the full blocks — doc deltas and freqs
/// minus one, each a <see cref="PatchedBlock"/> — then the remaining df mod 128 docs as VInt
/// (delta × 2, + 1 when the freq is 1), followed by a VInt freq when it is not 1. The skip entries
/// come first so a block-max WAND scorer can read every block's bound and jump over blocks
/// without decoding them. In <c>.pos</c>, per term, the position deltas of all its occurrences
/// (from the previous occurrence in the same doc, the first from 0) in <see cref="PatchedBlock"/>s
/// of 128 running across docs, then the last totalTermFreq mod 128 as VInts. Formats 1 and 2
/// stored a VInt an occurrence and VInt freqs, format 3 positions for every text term; all are
/// refused (re-index).
/// </summary>
public static class PostingsFormat
{
    /// <summary>The <c>.tim</c> format this build writes: 2 flags each term's positions (format 1: every term had them).</summary>
    public const int TermsVersion = 2;

    /// <summary>
    /// The <c>.doc</c> format this build writes and reads: 4 holds positions only for the terms the
    /// analyzer marked (one position stream a word; pairs and accented forms keep docs and freqs),
    /// which phrases rely on, so format 3 (positions for every text term) is refused; 3 packs
    /// blocks with patches, points skip entries into packed positions and folds freq 1 into the tail's deltas.
    /// </summary>
    public const int DocsVersion = 4;

    /// <summary>The <c>.pos</c> format this build writes and reads: 4 as 3 (blocks of 128), for the marked terms only.</summary>
    public const int PositionsVersion = 4;

    /// <summary>
    /// The <c>.fdt</c> format this build writes and reads: 3 compresses a chunk's small values in
    /// one zstd frame and each document's large values (its tail) in a frame of its own, over a
    /// dictionary of the segment, so a snippet decodes its own body and not a chunk's; 2 put a
    /// chunk's small values before its large ones (<see cref="StoredFieldsLayout"/>), both in Brotli streams.
    /// </summary>
    public const int StoredFieldsVersion = 3;

    /// <summary>Docs per packed block.</summary>
    public const int BlockSize = 128;

    /// <summary>Terms per block of the term dictionary.</summary>
    public const int TermsPerBlock = 32;

    /// <summary>
    /// Whether a field's terms may have positions: in text fields only (phrases), and there only the
    /// terms the analyzer marks (<see cref="Analysis.TokenAttributes.IndexPositions"/>): the Vietnamese
    /// chain keeps one position stream a word (its folded form), while syllable pairs and accented
    /// forms keep documents and frequencies only (on the 10k bench corpus the pairs alone held 67 of
    /// the 107 MiB of positions). A keyword or numeric value is one term a value and no query reads its position.
    /// </summary>
    public static bool IndexesPositions(Schema.FieldKind kind) => kind == Schema.FieldKind.Text;

    /// <summary>
    /// Uncompressed bytes that close a stored-fields chunk (a chunk also closes at
    /// <see cref="StoredChunkDocs"/> documents). The chunk's small values share one zstd frame
    /// (a hit's id and title are read from it alone, <see cref="StoredFieldsLayout"/>); its
    /// documents' tails (bodies) are compressed one by one over the segment's dictionary
    /// (<see cref="StoredDictionaryBytes"/>), so a snippet decodes its own body alone.
    /// </summary>
    public const int StoredChunkBytes = 128 * 1024;

    /// <summary>Documents that close a stored-fields chunk, however small they are.</summary>
    public const int StoredChunkDocs = 128;

    /// <summary>
    /// The most bytes of a segment's first documents' tails that become its stored-fields
    /// dictionary: each tail is then a zstd frame that refers back into them, so the boilerplate
    /// documents share costs nothing without a chunk to share it in. On 5,000 bodies of the 100k
    /// bench corpus (13 KiB each) at level 3: 7.8% of their size with 256 KiB, 11.0% with 112 KiB,
    /// against 13.9% for Brotli quality 6 in 128 KiB chunks, and ~10 µs to decode a body
    /// against ~110–250 µs for a chunk. Fewer than <see cref="StoredMinDictionaryBytes"/>: none.
    /// </summary>
    public const int StoredDictionaryBytes = 256 * 1024;

    /// <summary>Tail bytes a segment needs for a dictionary of its own (a one-document flush compresses its tail alone).</summary>
    public const int StoredMinDictionaryBytes = 32 * 1024;

    /// <summary>The zstd level of a document's tail and of a chunk's heads: 3 encodes ~2× as fast as 6 for ~30% more bytes (same corpus).</summary>
    public const int StoredTailLevel = 3;

    /// <summary>The zstd level a stored-fields dictionary is kept at in the file (once a segment).</summary>
    public const int StoredDictionaryLevel = 9;
}
