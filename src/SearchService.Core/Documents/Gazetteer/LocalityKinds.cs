using SearchService.Core.Analysis;

namespace SearchService.Core.Documents.Gazetteer;

/// <summary>Reads the kind words of Vietnamese place names and committees, accents and case ignored.</summary>
public static class LocalityKinds
{
    // Folded forms, longest first so "thanh pho" is tried before a name starting with "thanh".
    private static readonly (string Folded, LocalityKind Kind)[] Words =
    [
        ("dang uy dac khu", LocalityKind.SpecialZone),
        ("dang uy phuong", LocalityKind.Ward),
        ("dang uy xa", LocalityKind.Commune),
        ("thanh pho", LocalityKind.City),
        ("thanh uy", LocalityKind.City),
        ("thi xa", LocalityKind.Town),
        ("thi uy", LocalityKind.Town),
        ("tinh uy", LocalityKind.Province),
        ("tinh", LocalityKind.Province),
        ("huyen uy", LocalityKind.District),
        ("huyen", LocalityKind.District),
        ("quan uy", LocalityKind.UrbanDistrict),
        ("quan", LocalityKind.UrbanDistrict),
        ("dac khu", LocalityKind.SpecialZone),
        ("phuong", LocalityKind.Ward),
        ("xa", LocalityKind.Commune),
    ];

    /// <summary>Parses a leading kind word: "thị xã Thuận Thành" gives Town and "Thuận Thành", "Đảng ủy phường Quy Nhơn Nam" Ward and "Quy Nhơn Nam".</summary>
    public static bool TrySplit(string phrase, out LocalityKind kind, out string name)
    {
        var folded = FoldedKey.Words(phrase);
        foreach (var (word, k) in Words)
        {
            if (folded.StartsWith(word + " ", StringComparison.Ordinal))
            {
                kind = k;
                name = string.Join(' ', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(word.Count(c => c == ' ') + 1));
                return true;
            }
        }

        kind = default;
        name = phrase;
        return false;
    }

    /// <summary>The kind named by a word alone ("thị xã", "HUYỆN", "Thành uỷ").</summary>
    public static LocalityKind? Parse(string word)
    {
        var folded = FoldedKey.Words(word);
        foreach (var (w, k) in Words)
        {
            if (folded == w)
            {
                return k;
            }
        }

        return null;
    }
}
