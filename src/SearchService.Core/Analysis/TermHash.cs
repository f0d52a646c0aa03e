using System.Runtime.CompilerServices;

namespace SearchService.Core.Analysis;

/// <summary>
/// The hash every in-memory term table of this process uses (the analysis chain's vocabulary, a
/// document's terms, the segment buffer's): a polynomial over the chars, so the hash of a joined
/// term ("giải" + '_' + "phóng") follows from its parts' without reading its chars again, then
/// mixed so every bit of a slot number depends on every char.
/// </summary>
/// <remarks>
/// The multiplier is drawn per process, so a text cannot be crafted against hashes it could
/// compute ahead; the polynomial runs over 64 bits, where the length-independent collisions of
/// such hashes need terms of thousands of chars (the tokenizer cuts tokens at 255). Nothing of it
/// is ever written to disk.
/// </remarks>
public static class TermHash
{
    private const int Powers = 1024;
    private static readonly ulong Multiplier = ((ulong)Random.Shared.NextInt64() << 1) | 1UL;
    private static readonly ulong MultiplierSquared = Multiplier * Multiplier;
    private static readonly ulong[] PowerTable = MakePowers();

    /// <summary>The raw polynomial of <paramref name="term"/>, for <see cref="Join"/> and <see cref="Mix"/>.</summary>
    public static ulong Raw(ReadOnlySpan<char> term)
    {
        // Two chars a step, h·P² + (c₀·P + c₁): the same polynomial with half the dependent multiplications.
        var squared = MultiplierSquared;
        var h = 0UL;
        var i = 0;
        for (; i + 1 < term.Length; i += 2)
        {
            h = (h * squared) + ((term[i] * Multiplier) + term[i + 1]);
        }

        if (i < term.Length)
        {
            h = (h * Multiplier) + term[i];
        }

        return h;
    }

    /// <summary>The raw polynomial of <paramref name="first"/> + <paramref name="joiner"/> + a second term of <paramref name="secondLength"/> chars whose raw polynomial is <paramref name="second"/>.</summary>
    public static ulong Join(ulong first, char joiner, ulong second, int secondLength) =>
        (((first * Multiplier) + joiner) * Power(secondLength)) + second;

    /// <summary>The table hash of a term whose raw polynomial is <paramref name="raw"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Mix(ulong raw)
    {
        raw ^= raw >> 33;
        raw *= 0xFF51AFD7ED558CCDUL;
        raw ^= raw >> 33;
        return (int)raw;
    }

    /// <summary>The table hash of <paramref name="term"/>.</summary>
    public static int Of(ReadOnlySpan<char> term) => Mix(Raw(term));

    private static ulong Power(int n)
    {
        if (n < Powers)
        {
            return PowerTable[n];
        }

        var p = 1UL;
        for (var i = 0; i < n; i++)
        {
            p *= Multiplier;
        }

        return p;
    }

    private static ulong[] MakePowers()
    {
        var powers = new ulong[Powers];
        powers[0] = 1;
        for (var i = 1; i < Powers; i++)
        {
            powers[i] = powers[i - 1] * Multiplier;
        }

        return powers;
    }
}
