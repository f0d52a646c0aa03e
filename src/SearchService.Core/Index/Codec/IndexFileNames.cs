namespace SearchService.Core.Index.Codec;

/// <summary>
/// The files of an index. A segment "_a" (base-36 counter) has: _a.si (segment info and field
/// list), _a.tim (term dictionary), _a.doc (postings: doc deltas and freqs), _a.pos (positions
/// and offsets), _a.nrm (field lengths), _a.fdt (stored fields), _a.dvd (doc values), and per
/// deletes generation g: _a_g.del. A commit is segments_N (N in base 36).
/// </summary>
public static class IndexFileNames
{
    /// <summary>Prefix of commit files.</summary>
    public const string CommitPrefix = "segments_";

    /// <summary>Extensions of a segment's files (without deletes).</summary>
    public static IReadOnlyList<string> SegmentExtensions { get; } = ["si", "tim", "doc", "pos", "nrm", "fdt", "dvd"];

    /// <summary>The file of <paramref name="segment"/> with <paramref name="extension"/>.</summary>
    public static string SegmentFile(string segment, string extension) => $"{segment}.{extension}";

    /// <summary>The deletes file of <paramref name="segment"/> at <paramref name="generation"/>.</summary>
    public static string DeletesFile(string segment, long generation) => $"{segment}_{ToBase36(generation)}.del";

    /// <summary>The commit file of <paramref name="generation"/>.</summary>
    public static string CommitFile(long generation) => CommitPrefix + ToBase36(generation);

    /// <summary>The name of segment number <paramref name="counter"/>.</summary>
    public static string SegmentName(long counter) => "_" + ToBase36(counter);

    /// <summary>The generation of a commit file name, or -1 when the name is not one.</summary>
    public static long ParseCommitGeneration(string fileName)
    {
        if (!fileName.StartsWith(CommitPrefix, StringComparison.Ordinal))
        {
            return -1;
        }

        long value = 0;
        var digits = fileName.AsSpan(CommitPrefix.Length);
        if (digits.IsEmpty)
        {
            return -1;
        }

        foreach (var c in digits)
        {
            var d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : -1;
            if (d < 0)
            {
                return -1;
            }

            value = (value * 36) + d;
        }

        return value;
    }

    /// <summary>The segment a file belongs to ("_a" for "_a.tim" and "_a_3.del"), or null.</summary>
    public static string? SegmentOf(string fileName)
    {
        if (!fileName.StartsWith('_'))
        {
            return null;
        }

        var end = fileName.IndexOfAny(['.', '_'], 1);
        return end < 0 ? null : fileName[..end];
    }

    private static string ToBase36(long value)
    {
        if (value == 0)
        {
            return "0";
        }

        Span<char> chars = stackalloc char[16];
        var i = chars.Length;
        while (value > 0)
        {
            var d = (int)(value % 36);
            chars[--i] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
            value /= 36;
        }

        return new string(chars[i..]);
    }
}
