using System.Buffers.Binary;
using System.Numerics;

namespace SearchService.Core.Index.Store;

/// <summary>
/// CRC-32C (Castagnoli), the checksum in every index file's footer. Uses the CPU's CRC32
/// instruction through <see cref="BitOperations.Crc32C(uint, ulong)"/> (the BCL falls back to a
/// table where the CPU has none), eight bytes at a time.
/// </summary>
public static class Crc32C
{
    /// <summary>Continues a running CRC (start from 0) over <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        while (data.Length >= 8)
        {
            state = BitOperations.Crc32C(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            state = BitOperations.Crc32C(state, b);
        }

        return ~state;
    }
}
