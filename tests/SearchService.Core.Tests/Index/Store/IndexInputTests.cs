using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index.Store;

/// <summary>
/// An index file reads back byte for byte wherever a read starts and however long it is: single
/// bytes across the buffer's refills, runs that straddle them, reads longer than the buffer, and
/// clones reading on from their own positions, mapped or not. Where files are mapped into memory
/// (Linux), only searching readers map them (a writer's merges read whole segments, whose pages
/// would otherwise count as the process's resident memory), and a closed input leaves no mapping
/// behind, so a deleted file's space is freed.
/// </summary>
public sealed class IndexInputTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_file_reads_back_byte_for_byte_through_refills_long_reads_and_clones(bool mapped)
    {
        using var scratch = new TempFolder("ss-input");
        var bytes = new byte[70_000];
        new Random(11).NextBytes(bytes);
        File.WriteAllBytes(scratch.File("data.bin"), bytes);
        var directory = new IndexDirectory(scratch.Path);

        var input = directory.OpenInput("data.bin", mapped);
        try
        {
            Assert.Equal(bytes.Length, input.Length);
            var read = new byte[bytes.Length];
            var random = new Random(12);
            var at = 0;
            while (at < bytes.Length)
            {
                // Lengths from one byte to beyond the 8 KiB buffer, read straight into the caller's span.
                var length = Math.Min(bytes.Length - at, random.Next(4) switch { 0 => 1, 1 => random.Next(1, 600), 2 => random.Next(600, 9_000), _ => random.Next(9_000, 20_000) });
                if (length == 1)
                {
                    read[at] = input.ReadByte();
                }
                else
                {
                    input.ReadBytes(read.AsSpan(at, length));
                }

                at += length;
            }

            Assert.Equal(bytes, read);
            Assert.Throws<CorruptIndexException>(() => input.ReadByte());

            input.Position = 12_345;
            var clone = input.Clone();
            var tail = new byte[bytes.Length - 12_345];
            clone.ReadBytes(tail);
            Assert.Equal(bytes[12_345..], tail);
            Assert.Equal(bytes[12_345], input.ReadByte());
        }
        finally
        {
            input.CloseFile();
        }

        if (OperatingSystem.IsLinux())
        {
            var left = MappingsOf(scratch.Path);
            Assert.True(left.Count == 0, $"a closed input should leave no mapping of its file: {string.Join(" | ", left)}");
        }
    }

    [Fact]
    public void On_linux_an_input_opened_to_map_reads_through_a_mapping_and_a_plain_one_does_not()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // files are mapped where the OS lets a mapped file be deleted; the test reads /proc
        }

        using var scratch = new TempFolder("ss-input-map");
        File.WriteAllBytes(scratch.File("postings.doc"), new byte[4096]);
        File.WriteAllBytes(scratch.File("postings.pos"), new byte[4096]);
        var directory = new IndexDirectory(scratch.Path);
        var mapped = directory.OpenInput("postings.doc", mapped: true);
        var plain = directory.OpenInput("postings.pos");
        try
        {
            Assert.True(MappingsOf(scratch.Path).Count(f => f.EndsWith(".doc", StringComparison.Ordinal)) == 1, "an input opened to map should be mapped");
            Assert.DoesNotContain(MappingsOf(scratch.Path), f => f.EndsWith(".pos", StringComparison.Ordinal));
            Assert.Equal(0, plain.ReadByte());
        }
        finally
        {
            mapped.CloseFile();
            plain.CloseFile();
        }
    }

    [Fact]
    public void On_linux_a_writer_and_its_merges_leave_segments_unmapped_and_a_snapshot_maps_them()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the test reads /proc/self/maps
        }

        var schema = new IndexSchema([new FieldDefinition("id", FieldKind.Keyword), new FieldDefinition("body", FieldKind.Text)]);
        using var scratch = new TempFolder("ss-input-writer");
        using (var writer = IndexWriter.Open(scratch.Path, schema))
        {
            for (var flush = 0; flush < 3; flush++)
            {
                for (var i = 0; i < 20; i++)
                {
                    writer.AddDocument(new IndexDocument().Add("id", $"d{flush}-{i}").Add("body", $"kết luận hội nghị {flush} số {i}"));
                }

                writer.Flush();
            }

            writer.ForceMerge(1);
            writer.Commit();
            Assert.Empty(MappingsOf(scratch.Path));
        }

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(scratch.Path));
        Assert.Equal(60, snapshot.Segments.Sum(s => s.MaxDoc));
        var mapped = MappingsOf(scratch.Path);
        foreach (var extension in new[] { ".doc", ".pos", ".tim", ".fdt" })
        {
            Assert.Contains(mapped, f => f.EndsWith(extension, StringComparison.Ordinal));
        }
    }

    /// <summary>Files under <paramref name="folder"/> this process has mapped now.</summary>
    private static List<string> MappingsOf(string folder) =>
        File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries) is { Length: 6 } parts ? parts[5].Trim() : "")
            .Where(file => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Distinct()
            .ToList();
}
