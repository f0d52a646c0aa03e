using SearchService.Core.Index.Store;

namespace SearchService.Core.Tests.Index.Store;

/// <summary>
/// An index file reads back byte for byte wherever a read starts and however long it is: single
/// bytes across the buffer's refills, runs that straddle them, reads longer than the buffer, and
/// clones reading on from their own positions. Where files are mapped into memory (Linux), a
/// closed input leaves no mapping behind, so a deleted file's space is freed.
/// </summary>
public sealed class IndexInputTests
{
    [Fact]
    public void A_file_reads_back_byte_for_byte_through_refills_long_reads_and_clones()
    {
        using var scratch = new TempFolder("ss-input");
        var bytes = new byte[70_000];
        new Random(11).NextBytes(bytes);
        File.WriteAllBytes(scratch.File("data.bin"), bytes);
        var directory = new IndexDirectory(scratch.Path);

        var input = directory.OpenInput("data.bin");
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
            var mapped = File.ReadAllLines("/proc/self/maps").Where(line => line.EndsWith(scratch.File("data.bin"), StringComparison.Ordinal)).ToList();
            Assert.True(mapped.Count == 0, $"a closed input should leave no mapping of its file: {string.Join(" | ", mapped)}");
        }
    }

    [Fact]
    public void An_open_input_on_linux_reads_its_file_through_a_mapping()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // files are mapped where the OS lets a mapped file be deleted; the test reads /proc
        }

        using var scratch = new TempFolder("ss-input-map");
        File.WriteAllBytes(scratch.File("postings.doc"), new byte[4096]);
        var input = new IndexDirectory(scratch.Path).OpenInput("postings.doc");
        try
        {
            Assert.Contains(File.ReadAllLines("/proc/self/maps"), line => line.EndsWith(scratch.File("postings.doc"), StringComparison.Ordinal));
        }
        finally
        {
            input.CloseFile();
        }
    }
}
