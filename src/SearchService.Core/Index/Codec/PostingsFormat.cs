namespace SearchService.Core.Index.Codec;

/// <summary>
/// Layout of a term's postings. In <c>.doc</c>, for a term with docFreq df: first one skip entry
/// per full block of 128 docs — last doc of the block (VInt, delta from the previous block's
/// last doc), the block's byte length (VInt), its largest term frequency (VInt), its smallest
/// norm byte (byte), and where its positions start in <c>.pos</c> (VLong, delta from the term's
/// first) — then the full blocks — doc deltas bit-packed (a bits byte, then 128 values), freqs
/// minus one bit-packed the same way — then the remaining df mod 128 docs as VInt delta, VInt
/// freq. The skip entries come first so a block-max WAND scorer can read every block's bound and
/// jump over blocks without decoding them. In <c>.pos</c> (format 2), per doc and per
/// occurrence: position delta (VInt, from the previous occurrence in the doc). Format 1 added
/// each occurrence's start offset delta (zig-zag VLong) and length (VInt); nothing read them (the
/// highlighter re-analyzes the stored text), so format 2 leaves them out and readers skip them in
/// format-1 files.
/// </summary>
public static class PostingsFormat
{
    /// <summary>The <c>.tim</c> format this build writes: 2 flags each term's positions (format 1: every term had them).</summary>
    public const int TermsVersion = 2;

    /// <summary>The <c>.doc</c> format this build writes: 2 leaves the <c>.pos</c> deltas out of terms without positions.</summary>
    public const int DocsVersion = 2;

    /// <summary>The <c>.pos</c> format this build writes: positions only.</summary>
    public const int PositionsVersion = 2;

    /// <summary>The <c>.pos</c> format of the first release: positions and offsets; still read.</summary>
    public const int PositionsWithOffsetsVersion = 1;

    /// <summary>Docs per packed block.</summary>
    public const int BlockSize = 128;

    /// <summary>Terms per block of the term dictionary.</summary>
    public const int TermsPerBlock = 32;

    /// <summary>
    /// Whether a term's positions are indexed: in text fields only (phrases); a keyword or
    /// numeric value is one term a value and no query reads its position. Syllable pairs keep
    /// theirs: an exact phrase reads pairs, whose postings are far shorter than the syllables'
    /// (without pair positions the 10k bench index was 35% smaller but phrase queries read the
    /// syllables' positions, about 17% more CPU over the bench query set).
    /// </summary>
    public static bool IndexesPositions(Schema.FieldKind kind) => kind == Schema.FieldKind.Text;

    /// <summary>
    /// Uncompressed bytes that close a stored-fields chunk. Reading one document decompresses its
    /// chunk: 60 KiB chunks made <c>.fdt</c> 26% smaller on the 10k bench corpus but cost about
    /// 60 µs more CPU a stored document read (snippets), so a page of hits got slower.
    /// </summary>
    public const int StoredChunkBytes = 16 * 1024;
}
