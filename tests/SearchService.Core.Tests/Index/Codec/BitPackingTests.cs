using SearchService.Core.Index.Codec;

namespace SearchService.Core.Tests.Index.Codec;

/// <summary>
/// Packed postings read back as written: every width from 0 to 32 bits, block lengths where the
/// word-at-a-time unpacking stops short of the end at every bit offset, values at the width's
/// limits. A value read wrong here is a wrong document or position in every query.
/// </summary>
public sealed class BitPackingTests
{
    [Fact]
    public void Every_width_and_length_unpacks_to_the_values_packed()
    {
        var random = new Random(20261126);
        for (var bits = 0; bits <= 32; bits++)
        {
            foreach (var count in new[] { 1, 2, 3, 7, 8, 9, 15, 16, 17, 63, 64, 65, 127, PatchedBlock.Size })
            {
                var values = new int[count];
                var limit = bits == 0 ? 0UL : (1UL << bits) - 1;
                for (var i = 0; i < count; i++)
                {
                    // Extremes as often as random values: all ones and zero shift across byte edges.
                    values[i] = (int)(uint)(random.Next(3) switch { 0 => limit, 1 => 0UL, _ => (ulong)random.NextInt64() & limit });
                }

                var packed = new byte[BitPacking.PackedLength(count, bits)];
                BitPacking.Pack(values, bits, packed);
                var unpacked = new int[count];
                Array.Fill(unpacked, -7);
                BitPacking.Unpack(packed, bits, unpacked);
                Assert.True(values.AsSpan().SequenceEqual(unpacked), $"{count} values of {bits} bits");
            }
        }
    }
}
