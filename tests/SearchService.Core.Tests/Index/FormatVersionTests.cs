using System.Buffers.Binary;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

/// <summary>
/// An index written by an earlier release is refused naming its format version; never misread,
/// never changed. Fixtures/format1-index was written by the first release (format 1 everywhere:
/// its <c>.pos</c> holds offsets), Fixtures/format2-index by the release before format 3 (a VInt
/// a position), Fixtures/format3-index by the release before format 4 (positions for every text
/// term, pairs and accented forms included, which format 4's phrases do not read),
/// Fixtures/format4-index by the release before stored fields format 3 (postings of format 4,
/// bodies in Brotli chunks); each from three of the samples, one of them then deleted.
/// </summary>
public sealed class FormatVersionTests : IDisposable
{
    private readonly TempFolder _scratch = new("ss-format");

    public void Dispose()
    {
        _scratch.Dispose();
    }

    [Theory]
    [InlineData("format1-index", "_0.tim", 1)]
    [InlineData("format2-index", "_0.doc", 2)]
    [InlineData("format3-index", "_0.doc", 3)]
    [InlineData("format4-index", "_0.fdt", 2)]
    public void An_index_of_an_older_format_is_refused_naming_the_file_and_its_version_and_left_as_it_was(string fixture, string refused, int version)
    {
        Directory.CreateDirectory(_scratch.Path);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Index", "Fixtures", fixture)))
        {
            File.Copy(file, Path.Combine(_scratch.Path, Path.GetFileName(file)));
        }

        var before = Files();
        Assert.Equal(version, HeaderVersion(refused));

        // Format 1 is refused at its term dictionary (read first), formats 2 and 3 at their
        // postings, format 4's postings are read and its stored fields refused.
        var error = Assert.Throws<IndexFormatVersionException>(() => IndexSnapshot.Open(new IndexDirectory(_scratch.Path)).Dispose());
        Assert.Equal(refused, error.FileName);
        Assert.Equal(version, error.Version);
        Assert.Equal(refused switch { "_0.tim" => PostingsFormat.TermsVersion, "_0.fdt" => PostingsFormat.StoredFieldsVersion, _ => PostingsFormat.DocsVersion }, error.MinVersion);
        Assert.Contains($"format version {version}", error.Message, StringComparison.Ordinal);
        Assert.Contains("too old", error.Message, StringComparison.Ordinal);
        Assert.Contains("re-index", error.Message, StringComparison.Ordinal);

        // check names the same file and version instead of a checksum mismatch, and nothing is touched.
        var report = IndexChecker.Check(new IndexDirectory(_scratch.Path));
        Assert.False(report.Healthy);
        Assert.Contains(report.Problems, p => p.Contains(refused, StringComparison.Ordinal) && p.Contains($"format version {version}", StringComparison.Ordinal));
        Assert.Equal(before, Files());
    }

    [Fact]
    public void A_term_dictionary_of_version_1_is_refused_as_too_old_even_beside_current_postings()
    {
        // No writer makes a version-1 .tim any more (it came with postings format 1); one that turns up is refused, not read without its positions flags.
        WriteOneDocument();
        SetHeaderVersion("_0.tim", 1);

        var error = Assert.Throws<IndexFormatVersionException>(() => IndexSnapshot.Open(new IndexDirectory(_scratch.Path)).Dispose());
        Assert.Equal("_0.tim", error.FileName);
        Assert.Equal(1, error.Version);
        Assert.Contains("too old", error.Message, StringComparison.Ordinal);
        var report = IndexChecker.Check(new IndexDirectory(_scratch.Path));
        Assert.Contains(report.Problems, p => p.Contains("_0.tim", StringComparison.Ordinal) && p.Contains("format version 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_of_a_newer_format_is_refused_naming_the_file_and_its_version()
    {
        WriteOneDocument();
        Assert.Equal(PostingsFormat.PositionsVersion, HeaderVersion("_0.pos"));
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

    /// <summary>An index of this build's format holding one document, which a phrase finds.</summary>
    private void WriteOneDocument()
    {
        var schema = new IndexSchema([new FieldDefinition(ConclusionFields.Id, FieldKind.Keyword), new FieldDefinition(ConclusionFields.Body, FieldKind.Text)], ConclusionFields.Id);
        using (var writer = IndexWriter.Open(_scratch.Path, schema))
        {
            writer.AddDocument(new IndexDocument().Add(ConclusionFields.Id, "a").Add(ConclusionFields.Body, "Phát triển cảng hàng không"));
            writer.Commit();
        }

        Assert.Equal(["a"], Ids("\"cảng hàng không\""));
    }

    private SortedDictionary<string, string> Files() =>
        new(Directory.GetFiles(_scratch.Path).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);

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
