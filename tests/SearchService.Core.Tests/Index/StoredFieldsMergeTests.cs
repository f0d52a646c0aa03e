using SearchService.Core.Index.Check;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

/// <summary>
/// A merge copies the compressed stored-fields chunks of its sources where every document of a
/// chunk is live; what a user cares about is that every stored value still reads back, with and
/// without deletions, and that a damaged source is never copied into a new, valid-looking file.
/// </summary>
public sealed class StoredFieldsMergeTests : IDisposable
{
    private static readonly IndexSchema Schema = new(
    [
        new FieldDefinition("id", FieldKind.Keyword),
        new FieldDefinition("title", FieldKind.Text),
        new FieldDefinition("body", FieldKind.Text),
        new FieldDefinition("year", FieldKind.Numeric),
    ]);

    private static readonly string[] Syllables =
        ["nông", "thôn", "mới", "giải", "phóng", "mặt", "bằng", "thành", "uỷ", "ban", "chấp", "hành", "đảng", "bộ", "huyện", "kết", "luận", "số", "UBND", "18-NQ/TU"];

    private readonly TempFolder _scratch = new("ss-stored-merge");

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_stored_value_reads_back_after_a_merge_with_and_without_deleted_documents(bool withDeletes)
    {
        var expected = new Dictionary<string, (string Title, string Body, long Year)>();
        IndexWriterStatistics statistics;
        using (var writer = IndexWriter.Open(_scratch.Path, Schema, new IndexWriterOptions { MergePolicy = null }))
        {
            // Four segments of a few full chunks each (some closed by size, with bodies over the
            // 1 KiB that moves a value to a chunk's tail, some by count) and a small last chunk.
            var random = new Random(11);
            for (var segment = 0; segment < 4; segment++)
            {
                for (var i = 0; i < 450; i++)
                {
                    var id = $"s{segment}-{i}";
                    var words = random.Next(4) == 0 ? random.Next(200, 600) : random.Next(1, 20);
                    var body = Words(random, words);
                    var title = Words(random, random.Next(1, 8));
                    long year = 1990 + random.Next(40);
                    writer.AddDocument(new IndexDocument().Add("id", id).Add("title", title).Add("body", body).Add("year", year));
                    expected[id] = (title, body, year);
                }

                writer.Flush();
            }

            if (withDeletes)
            {
                // A few deletes in the second segment only: its other chunks, and the other segments', stay whole.
                foreach (var id in new[] { "s1-3", "s1-200", "s1-201", "s1-449" })
                {
                    Assert.Equal(1, writer.DeleteDocument(id));
                    expected.Remove(id);
                }
            }

            writer.Commit();
            Assert.Equal(4, writer.SegmentCount);
            writer.ForceMerge(1);
            writer.Commit();
            statistics = writer.Statistics;
        }

        Assert.True(statistics.MergeChunksCopied > 0, "full chunks with no deleted document are copied");
        Assert.True(statistics.MergeChunksCompressed > 0, "the sources' small last chunks are joined and compressed");

        var directory = new IndexDirectory(_scratch.Path);
        var report = IndexChecker.Check(directory);
        Assert.True(report.Healthy, string.Join("; ", report.Problems));
        using var snapshot = IndexSnapshot.Open(directory);
        var segmentReader = Assert.Single(snapshot.Segments);
        Assert.Equal(expected.Count, segmentReader.MaxDoc);
        var seen = new HashSet<string>();
        for (var doc = 0; doc < segmentReader.MaxDoc; doc++)
        {
            // A read that wants only small values leaves out only a large body; a read wanting the
            // body right after it (a hit's title, then its snippet) finds every value.
            var idOnly = segmentReader.Document(doc, f => f == "id");
            var withBody = segmentReader.Document(doc, f => f == "body");
            var values = segmentReader.Document(doc);
            var id = (string)values.Single(v => v.Field == "id").Value;
            Assert.True(expected.TryGetValue(id, out var want), $"document {id} should have been deleted");
            Assert.Equal([("id", (object)id), ("title", want.Title), ("body", want.Body), ("year", want.Year)], values);
            Assert.Equal(values.Where(v => !(v.Field == "body" && System.Text.Encoding.UTF8.GetByteCount(want.Body) >= 1024)), idOnly);
            Assert.Equal(values, withBody);
            Assert.True(seen.Add(id), $"document {id} is in the merged segment twice");
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));

        // One writer session compresses all its segments over one dictionary, so the merged
        // segment holds one (a reader keeps each whole), not one for each source it copied from.
        var dictionaries = Enumerable.Range(0, segmentReader.StoredChunkCount)
            .Select(segmentReader.StoredChunkDictionary)
            .OfType<byte[]>()
            .Distinct(ReferenceEqualityComparer.Instance)
            .Count();
        Assert.Equal(1, dictionaries);
    }

    [Fact]
    public void A_merge_refuses_to_copy_a_damaged_stored_fields_file_and_leaves_the_index_as_it_was()
    {
        using (var writer = IndexWriter.Open(_scratch.Path, Schema, new IndexWriterOptions { MergePolicy = null }))
        {
            var random = new Random(3);
            for (var segment = 0; segment < 2; segment++)
            {
                for (var i = 0; i < 300; i++)
                {
                    writer.AddDocument(new IndexDocument().Add("id", $"s{segment}-{i}").Add("title", Words(random, 3)).Add("body", Words(random, 40)).Add("year", 2000L + i));
                }

                writer.Flush();
            }

            writer.Commit();
        }

        // Flip a byte inside the first chunk's compressed bytes of the first segment (past header and chunk lengths).
        var fdt = Directory.GetFiles(_scratch.Path, "_0.fdt").Single();
        var bytes = File.ReadAllBytes(fdt);
        bytes[bytes.Length / 4] ^= 0x20;
        File.WriteAllBytes(fdt, bytes);

        using (var writer = IndexWriter.Open(_scratch.Path, Schema, new IndexWriterOptions { MergePolicy = null }))
        {
            var error = Assert.Throws<IOException>(() => writer.ForceMerge(1));
            Assert.Contains("_0.fdt", error.Message, StringComparison.Ordinal);
            Assert.Equal(2, writer.SegmentCount);
        }

        Assert.False(File.Exists(Path.Combine(_scratch.Path, "_2.fdt")), "the merged segment's files are removed");
        var report = IndexChecker.Check(new IndexDirectory(_scratch.Path));
        Assert.False(report.Healthy);
        Assert.Contains(report.Problems, p => p.Contains("_0.fdt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bodies_compressed_over_different_dictionaries_read_back_from_many_threads_switching_between_them()
    {
        // Two writer sessions compress over a dictionary each; the merged segment keeps both, and
        // a page of hits alternates between their chunks (each thread decodes with both, shared).
        var expected = new Dictionary<string, string>();
        var random = new Random(23);
        for (var session = 0; session < 2; session++)
        {
            using var writer = IndexWriter.Open(_scratch.Path, Schema, new IndexWriterOptions { MergePolicy = null });
            for (var i = 0; i < 300; i++)
            {
                var id = $"w{session}-{i}";
                var body = Words(random, random.Next(250, 500));
                writer.AddDocument(new IndexDocument().Add("id", id).Add("title", "t").Add("body", body).Add("year", 2000L));
                expected[id] = body;
            }

            writer.Commit();
            if (session == 1)
            {
                writer.ForceMerge(1);
                writer.Commit();
            }
        }

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        var segment = Assert.Single(snapshot.Segments);
        var dictionaries = Enumerable.Range(0, segment.StoredChunkCount).Select(segment.StoredChunkDictionary).OfType<byte[]>().Distinct(ReferenceEqualityComparer.Instance).Count();
        Assert.Equal(2, dictionaries);

        var half = segment.MaxDoc / 2;
        var readers = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var wrong = new List<string>();
            for (var round = 0; round < 3; round++)
            {
                for (var i = t; i < half; i += 2)
                {
                    foreach (var doc in new[] { i, half + i })
                    {
                        var values = segment.Document(doc, f => f == "body");
                        var id = (string)values.Single(v => v.Field == "id").Value;
                        if ((string)values.Single(v => v.Field == "body").Value != expected[id])
                        {
                            wrong.Add(id);
                        }
                    }
                }
            }

            return wrong;
        })).ToList();

        foreach (var wrong in await Task.WhenAll(readers))
        {
            Assert.Empty(wrong);
        }
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Syllables[random.Next(Syllables.Length)]));
}
