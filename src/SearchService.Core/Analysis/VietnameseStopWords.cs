namespace SearchService.Core.Analysis;

/// <summary>
/// Function words of Vietnamese that carry no topic: conjunctions, prepositions, particles,
/// classifiers and copulas, as they appear in conclusion documents. Matched after lowercasing
/// and tone placement, so "và" and "của" match however they were typed.
/// </summary>
public static class VietnameseStopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "và", "của", "các", "những", "là", "có", "được", "trong", "cho", "với", "đã", "để",
        "này", "thì", "mà", "từ", "theo", "về", "đến", "trên", "tại", "khi", "như", "một",
        "cũng", "đó", "nên", "do", "bị", "vì", "hay", "hoặc", "nhưng", "sẽ", "đang", "vào",
        "ra", "lại", "rất", "nhiều", "còn", "nữa", "đây", "ấy", "thế", "nào", "qua", "bằng",
        "số", "ngày", "năm", "tháng", "việc",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="lowercaseSyllable"/> is a stop word.</summary>
    public static bool Contains(ReadOnlySpan<char> lowercaseSyllable) => Lookup.Contains(lowercaseSyllable);

    /// <summary>The list, for documentation and tests.</summary>
    public static IReadOnlyCollection<string> All => Words;
}
