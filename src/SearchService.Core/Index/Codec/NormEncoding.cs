namespace SearchService.Core.Index.Codec;

/// <summary>
/// A field's length (its number of word positions) in one byte, as BM25 needs it: lengths up to
/// 39 exactly, longer ones on a geometric scale (each step about 6% longer) up to 2^24. Encoding
/// rounds down, so a decoded length never exceeds the real one.
/// </summary>
public static class NormEncoding
{
    private const int ExactUpTo = 40;
    private static readonly int[] Decoded = BuildTable();

    /// <summary>The byte for a field of <paramref name="length"/> positions.</summary>
    public static byte Encode(int length)
    {
        if (length < ExactUpTo)
        {
            return (byte)Math.Max(length, 0);
        }

        var index = Array.BinarySearch(Decoded, length);
        return (byte)(index >= 0 ? index : (~index) - 1);
    }

    /// <summary>The length a norm byte stands for.</summary>
    public static int Decode(byte norm) => Decoded[norm];

    private static int[] BuildTable()
    {
        var table = new int[256];
        for (var i = 0; i < ExactUpTo; i++)
        {
            table[i] = i;
        }

        var ratio = Math.Pow((1 << 24) / (double)ExactUpTo, 1.0 / (255 - ExactUpTo));
        for (var i = ExactUpTo; i < 256; i++)
        {
            table[i] = Math.Max(table[i - 1] + 1, (int)(ExactUpTo * Math.Pow(ratio, i - ExactUpTo)));
        }

        return table;
    }
}
