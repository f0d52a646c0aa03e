using System.Buffers.Binary;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

/// <summary>
/// An index written by an earlier release is read, or refused naming its format version; never
/// misread. Fixtures/format1-index was written by the first release (format 1 everywhere: its
/// <c>.pos</c> holds offsets) from three of the samples, one of them then deleted.
/// </summary>
public sealed class FormatVersionTests : IDisposable
{
    private readonly TempFolder _scratch = new("ss-format");

    public FormatVersionTests()
    {
        Directory.CreateDirectory(_scratch.Path);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Index", "Fixtures", "format1-index")))
        {
            File.Copy(file, Path.Combine(_scratch.Path, Path.GetFileName(file)));
        }
    }

    public void Dispose()
    {
        _scratch.Dispose();
    }

    [Fact]
    public void A_format_1_index_is_searched_checked_and_rewritten_in_the_current_format_by_a_merge()
    {
        Assert.Equal(1, HeaderVersion("_0.pos"));
        AssertReadsTheSamples();

        // The fixture's own fields: the conclusion schema has grown since (a writer refuses an index of
        // other fields, as it should); the format is what is under test here.
        IndexSchema schema;
        using (var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path)))
        {
            schema = new IndexSchema(snapshot.Segments[0].Info.Fields, ConclusionFields.Id);
        }

        using (var writer = IndexWriter.Open(_scratch.Path, schema))
        {
            writer.AddDocument(new IndexDocument().Add(ConclusionFields.Id, "new").Add(ConclusionFields.Body, "Phát triển cảng hàng không"));
            writer.ForceMerge(1);
            writer.Commit();
        }

        using (var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path)))
        {
            var merged = Assert.Single(snapshot.Segments).Info.Name;
            Assert.Equal(2, HeaderVersion(merged + ".pos"));
            Assert.Equal(2, HeaderVersion(merged + ".tim"));
        }

        AssertReadsTheSamples();
        Assert.Equal(["new"], Ids("\"cảng hàng không\""));
    }

    [Fact]
    public void A_file_of_a_newer_format_is_refused_naming_the_file_and_its_version()
    {
        SetHeaderVersion("_0.pos", 7);

        var error = Assert.Throws<IndexFormatVersionException>(() => IndexSnapshot.Open(new IndexDirectory(_scratch.Path)).Dispose());
        Assert.Equal("_0.pos", error.FileName);
        Assert.Equal(7, error.Version);
        Assert.Contains("format version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer release", error.Message, StringComparison.Ordinal);

        // check names the same file and version instead of a checksum mismatch.
        var report = IndexChecker.Check(new IndexDirectory(_scratch.Path));
        Assert.Contains(report.Problems, p => p.Contains("_0.pos", StringComparison.Ordinal) && p.Contains("format version 7", StringComparison.Ordinal));
    }

    private void AssertReadsTheSamples()
    {
        var report = IndexChecker.Check(new IndexDirectory(_scratch.Path));
        Assert.True(report.Healthy, string.Join("\n", report.Problems));
        // Phrases read positions: consecutive words match, the same words out of order do not.
        Assert.Equal(["kl-hn14-thanh-uy-hai-phong-2023"], Ids("\"hàng hóa thông qua cảng biển\""));
        Assert.Equal(["kl-hn14-thanh-uy-hai-phong-2023"], Ids("\"hang hoa thong qua cang bien\""));
        Assert.Empty(Ids("\"cảng biển thông qua hàng hóa\""));
        // A sloppy phrase reads every occurrence of frequent words ("năm", "thực hiện"), not only the first.
        Assert.Equal(["kl-hn14-thanh-uy-hai-phong-2023"], Ids("\"tháng cuối năm\"~1"));
        Assert.Equal(["kl-hn14-thanh-uy-hai-phong-2023", "kl-hn15-tinh-uy-bac-ninh-2023"], Ids("\"thực hiện nhiệm vụ\"~1").Order(StringComparer.Ordinal));
        Assert.Empty(Ids("\"Đức Phổ\"")); // the deleted sample stays deleted
        Assert.Contains("kl-hn15-tinh-uy-bac-ninh-2023", Ids("Bắc Ninh"));
    }

    private List<string> Ids(string query)
    {
        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        return [.. ConclusionSearcher.Open(snapshot).Search(new SearchRequest { Query = query, Size = 10, RelaxToAnyWord = false }).Hits.Select(h => h.Id)];
    }

    private int HeaderVersion(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(_scratch.Path, file));
        return BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(VersionOffset(bytes)));
    }

    /// <summary>Writes another version into the header and a matching checksum, so only the version is wrong.</summary>
    private void SetHeaderVersion(string file, int version)
    {
        var path = Path.Combine(_scratch.Path, file);
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(VersionOffset(bytes)), version);
        var crc = Crc32C.Append(0, bytes.AsSpan(0, bytes.Length - 8));
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), crc);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>After the magic (int32) and the kind (a one-byte length and ASCII, as every kind name is short).</summary>
    private static int VersionOffset(byte[] bytes) => 4 + 1 + bytes[4];
}
