using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Check;

/// <summary>What an index holds and what it costs on disk, from its newest commit.</summary>
/// <param name="Generation">The commit's generation (0: no commit yet).</param>
/// <param name="Documents">Live documents.</param>
/// <param name="Deleted">Deleted documents still taking space until a merge.</param>
/// <param name="Segments">Segments in the commit.</param>
/// <param name="Bytes">Bytes on disk per file kind (extension: "tim", "doc", "pos", "nrm", "fdt", "dvd", "si", "del", "segments"), the commit's files only.</param>
/// <param name="Terms">Distinct terms per field, summed over segments (a term in two segments counts twice).</param>
public sealed record IndexStatistics(long Generation, int Documents, int Deleted, int Segments, IReadOnlyDictionary<string, long> Bytes, IReadOnlyDictionary<string, long> Terms)
{
    /// <summary>All the commit's bytes.</summary>
    public long TotalBytes => Bytes.Values.Sum();

    /// <summary>Reads the statistics of the index in <paramref name="directory"/>.</summary>
    public static IndexStatistics Of(IndexDirectory directory)
    {
        using var snapshot = IndexSnapshot.Open(directory);
        var bytes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var file in snapshot.Commit.Files())
        {
            var kind = file.StartsWith(IndexFileNames.CommitPrefix, StringComparison.Ordinal) ? "segments" : Path.GetExtension(file).TrimStart('.');
            bytes[kind] = bytes.GetValueOrDefault(kind) + new FileInfo(Path.Combine(directory.Path, file)).Length;
        }

        var terms = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var segment in snapshot.Segments)
        {
            for (var f = 0; f < segment.Info.Fields.Count; f++)
            {
                var name = segment.Info.Fields[f].Name;
                terms[name] = terms.GetValueOrDefault(name) + segment.Terms.TermCount(f);
            }
        }

        return new IndexStatistics(snapshot.Commit.Generation, snapshot.LiveCount, snapshot.MaxDoc - snapshot.LiveCount, snapshot.Segments.Count, bytes, terms);
    }
}
