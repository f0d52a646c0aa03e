using SearchService.Core.Index.Codec;

namespace SearchService.Core.Search.Scoring;

/// <summary>
/// Okapi BM25 as Lucene 8+ computes it (without the constant (k1 + 1) factor, which changes no
/// ranking): <c>boost · idf · tf / (tf + k1 · (1 − b + b · dl / avgdl))</c> with
/// <c>idf = ln(1 + (N − df + 0.5) / (df + 0.5))</c>. Field lengths come from the one-byte norms,
/// so the length part is a 256-entry table per field.
/// </summary>
public sealed class Bm25Similarity
{
    /// <summary>Creates a similarity; <paramref name="k1"/> saturates term frequency, <paramref name="b"/> weighs length normalization.</summary>
    public Bm25Similarity(float k1 = 1.2f, float b = 0.75f)
    {
        if (!(k1 >= 0) || float.IsInfinity(k1))
        {
            throw new ArgumentOutOfRangeException(nameof(k1), k1, "k1 must be a finite number at least 0");
        }

        if (!(b >= 0 && b <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "b must be between 0 and 1");
        }

        K1 = k1;
        B = b;
    }

    /// <summary>The usual parameters, k1 = 1.2 and b = 0.75.</summary>
    public static Bm25Similarity Default { get; } = new();

    /// <summary>Term-frequency saturation.</summary>
    public float K1 { get; }

    /// <summary>Length normalization, 0 (none) to 1 (full).</summary>
    public float B { get; }

    /// <summary>Inverse document frequency of a term found in <paramref name="docFreq"/> of <paramref name="docCount"/> documents.</summary>
    public static float Idf(long docFreq, long docCount) =>
        (float)Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>
    /// The length part <c>k1 · (1 − b + b · dl / avgdl)</c> for each norm byte; fields without
    /// norms (keywords, numbers) count as length 1 of average 1.
    /// </summary>
    public float[] LengthTable(double averageLength, bool hasNorms)
    {
        var table = new float[256];
        for (var norm = 0; norm < 256; norm++)
        {
            var ratio = hasNorms && averageLength > 0 ? NormEncoding.Decode((byte)norm) / averageLength : 1.0;
            table[norm] = (float)(K1 * (1 - B + (B * ratio)));
        }

        return table;
    }

    /// <summary>The score of frequency <paramref name="freq"/> given the term's weight (boost · idf) and the length part.</summary>
    public static float Score(float weight, float freq, float lengthPart) => weight * (freq / (freq + lengthPart));
}
