using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Reader;

/// <summary>
/// Looks terms up in a segment's <c>.tim</c>: the block index (first term and file pointer of
/// every 32nd term) is in memory; a lookup binary-searches it and scans one block from the file.
/// </summary>
public sealed class TermDictionaryReader
{
    private readonly IndexInput _input;
    private readonly string[][] _firstTerms;
    private readonly long[][] _pointers;
    private readonly int[] _termCounts;

    internal TermDictionaryReader(IndexInput input, int fieldCount)
    {
        _input = input;
        // Version 1 (no positions flag) came only with postings format 1, refused since format 3: refused here too.
        CodecFile.ReadHeader(input, "Terms", PostingsFormat.TermsVersion, PostingsFormat.TermsVersion);
        CodecFile.CheckFooter(input);
        input.Position = input.Length - CodecFile.FooterLength - 8;
        var indexStart = input.ReadInt64();
        _termCounts = new int[fieldCount];
        _firstTerms = new string[fieldCount][];
        _pointers = new long[fieldCount][];
        input.Position = indexStart;
        for (var f = 0; f < fieldCount; f++)
        {
            _termCounts[f] = input.ReadVInt();
            var blocks = input.ReadVInt();
            _firstTerms[f] = new string[blocks];
            _pointers[f] = new long[blocks];
            for (var b = 0; b < blocks; b++)
            {
                _firstTerms[f][b] = input.ReadString();
                _pointers[f][b] = input.ReadVLong();
            }
        }
    }

    /// <summary>Closes the terms file (the segment reader owning this dictionary calls it when its last reference goes).</summary>
    internal void Close() => _input.CloseFile();

    /// <summary>Number of distinct terms of field <paramref name="field"/>.</summary>
    public int TermCount(int field) => _termCounts[field];

    /// <summary>Finds <paramref name="term"/> in <paramref name="field"/>.</summary>
    public bool TryGet(int field, ReadOnlySpan<char> term, out TermInfo info)
    {
        info = default;
        var block = BlockOf(field, term);
        if (block < 0)
        {
            return false;
        }

        var input = _input.Clone();
        input.Position = _pointers[field][block];
        var remaining = Math.Min(PostingsFormat.TermsPerBlock, _termCounts[field] - (block * PostingsFormat.TermsPerBlock));
        Span<char> current = stackalloc char[256];
        var length = 0;
        long doc = 0, pos = 0;
        for (var i = 0; i < remaining; i++)
        {
            var entry = ReadEntry(input, ref current, ref length, ref doc, ref pos);
            var cmp = current[..length].SequenceCompareTo(term);
            if (cmp == 0)
            {
                info = entry;
                return true;
            }

            if (cmp > 0)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The terms of <paramref name="field"/> in ordinal order, with their entries (for checks, merges and
    /// expansions); with <paramref name="from"/>, only the terms at or after it, found through the block
    /// index rather than a scan (prefix and fuzzy expansion, suggestions).
    /// </summary>
    public IEnumerable<(string Term, TermInfo Info)> Enumerate(int field, string? from = null)
    {
        var count = _termCounts[field];
        var pointers = _pointers[field];
        var input = _input.Clone();
        var buffer = new char[256];
        var first = from is null ? 0 : Math.Max(0, BlockOf(field, from));
        for (var b = first; b < pointers.Length; b++)
        {
            input.Position = pointers[b];
            var inBlock = Math.Min(PostingsFormat.TermsPerBlock, count - (b * PostingsFormat.TermsPerBlock));
            var length = 0;
            long doc = 0, pos = 0;
            for (var i = 0; i < inBlock; i++)
            {
                var span = buffer.AsSpan();
                var entry = ReadEntry(input, ref span, ref length, ref doc, ref pos);
                if (span.Length > buffer.Length)
                {
                    buffer = span.ToArray();
                }

                if (from is not null && b == first && span[..length].SequenceCompareTo(from) < 0)
                {
                    continue;
                }

                yield return (new string(span[..length]), entry);
            }
        }
    }

    /// <summary>The block whose first term is the greatest at or before <paramref name="term"/>, or -1 when the term sorts before every block.</summary>
    private int BlockOf(int field, ReadOnlySpan<char> term)
    {
        var firsts = _firstTerms[field];
        int lo = 0, hi = firsts.Length - 1, block = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (term.CompareTo(firsts[mid], StringComparison.Ordinal) >= 0)
            {
                block = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return block;
    }

    private static TermInfo ReadEntry(IndexInput input, ref Span<char> current, ref int length, ref long doc, ref long pos)
    {
        var prefix = input.ReadVInt();
        var suffix = input.ReadVInt();
        if (prefix > length || prefix + suffix > IndexLimits.MaxStoredTermLength)
        {
            throw new CorruptIndexException(input.Name, $"term entry with prefix {prefix} and suffix {suffix} at {input.Position}");
        }

        if (prefix + suffix > current.Length)
        {
            var bigger = new char[Math.Max(prefix + suffix, current.Length * 2)];
            current[..length].CopyTo(bigger);
            current = bigger;
        }

        for (var i = 0; i < suffix; i++)
        {
            current[prefix + i] = (char)input.ReadVInt();
        }

        length = prefix + suffix;
        var df = input.ReadVInt();
        var extra = input.ReadVLong();
        var hasPositions = (extra & 1) != 0;
        var ttf = (extra >>> 1) + df;
        doc += input.ReadVLong();
        if (hasPositions)
        {
            pos += input.ReadVLong();
        }

        return new TermInfo(df, ttf, doc, pos, hasPositions);
    }
}
