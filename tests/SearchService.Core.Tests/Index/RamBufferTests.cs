using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

/// <summary>The RAM buffer's building blocks against plain lists: what goes in comes back out, in order.</summary>
public sealed class RamBufferTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Interleaved_streams_read_back_byte_for_byte_across_slices_and_blocks(int seed)
    {
        var random = new Random(seed);
        var pool = new ByteSlicePool();
        var expected = new List<List<byte>>();
        var starts = new List<int>();
        var ends = new List<int>();
        for (var step = 0; step < 60_000; step++)
        {
            // Mostly short streams, a few long ones: every slice level and many 32 KiB blocks get used.
            var stream = random.Next(10) == 0 || expected.Count == 0 ? -1 : random.Next(Math.Min(expected.Count, random.Next(2) == 0 ? 8 : 5_000));
            if (stream < 0)
            {
                stream = expected.Count;
                expected.Add([]);
                starts.Add(pool.NewStream());
                ends.Add(starts[stream]);
            }

            // Zero bytes included: the pool must not take data for a slice's end mark.
            var value = (byte)(random.Next(3) == 0 ? 0 : random.Next(256));
            ends[stream] = pool.WriteByte(ends[stream], value);
            expected[stream].Add(value);
        }

        for (var s = 0; s < expected.Count; s++)
        {
            var reader = pool.Read(starts[s], ends[s]);
            var actual = new List<byte>();
            while (!reader.AtEnd)
            {
                actual.Add(reader.ReadByte());
            }

            Assert.Equal(expected[s], actual);
        }

        Assert.True(pool.UsedBytes > 32 * 1024, "the test should span several blocks");
    }

    [Fact]
    public void A_buffer_budget_under_one_pool_block_still_holds_many_documents_a_segment()
    {
        // The budget counts the bytes used, not whole 32 KiB blocks: with 30 kB, counting blocks
        // flushed after every document, one segment each, until readers ran out of file handles.
        using var scratch = new TempFolder("ss-rambudget");
        var schema = new IndexSchema([new FieldDefinition("id", FieldKind.Keyword), new FieldDefinition("body", FieldKind.Text)]);
        using var writer = IndexWriter.Open(scratch.Path, schema, new IndexWriterOptions { RamBufferBytes = 30_000 });
        for (var i = 0; i < 300; i++)
        {
            writer.AddDocument(new IndexDocument().Add("id", $"d{i}").Add("body", $"kết luận hội nghị số {i} về nông thôn mới"));
        }

        writer.Commit();
        Assert.InRange(writer.Statistics.Flushes, 1, 30);
    }

    [Fact]
    public void Terms_keep_their_ids_chars_and_state_while_the_table_grows()
    {
        var random = new Random(5);
        var table = new TermTable(stateInts: 2, capacity: 4);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 50_000; i++)
        {
            var term = new string((char)('a' + random.Next(26)), random.Next(1, 4)) + random.Next(20_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var id = table.Add(term, TermTable.Hash(term), out var added);
            Assert.Equal(!ids.ContainsKey(term), added);
            if (added)
            {
                Assert.Equal(ids.Count, id);
                ids[term] = id;
            }

            Assert.Equal(ids[term], id);
            table.State(id)[1]++;
        }

        Assert.Equal(ids.Count, table.Count);
        foreach (var (term, id) in ids)
        {
            Assert.Equal(term, table.Term(id).ToString());
            Assert.Equal(TermTable.Hash(term), table.HashOf(id));
            Assert.Equal(0, table.State(id)[0]);
        }

        Assert.Equal(50_000, ids.Values.Sum(id => table.State(id)[1]));
    }
}
