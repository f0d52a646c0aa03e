namespace SearchService.Core.Analysis;

/// <summary>
/// The abbreviations of Vietnamese administrative and Party writing and the phrases they stand
/// for. Both directions meet in one term: text that spells out "giải phóng mặt bằng" gets a
/// stacked synonym token "gpmb", and text that writes "GPMB" has the term "gpmb" itself, so a
/// query for either form finds both.
/// </summary>
/// <remarks>
/// The phrases are matched on folded syllables, so "uỷ ban nhân dân", "ủy ban nhân dân" and an
/// accent-less "uy ban nhan dan" all count. Variants of one phrase are listed separately.
/// </remarks>
public static class AdministrativeAbbreviations
{
    /// <summary>Each abbreviation (lowercase, as its term) with the phrases it abbreviates.</summary>
    public static IReadOnlyList<(string Abbreviation, string Phrase)> Entries { get; } =
    [
        ("ubnd", "ủy ban nhân dân"),
        ("hđnd", "hội đồng nhân dân"),
        ("mttq", "mặt trận tổ quốc"),
        ("ubmttq", "ủy ban mặt trận tổ quốc"),
        ("gpmb", "giải phóng mặt bằng"),
        ("attp", "an toàn thực phẩm"),
        ("vsattp", "vệ sinh an toàn thực phẩm"),
        ("bhyt", "bảo hiểm y tế"),
        ("bhxh", "bảo hiểm xã hội"),
        ("pccc", "phòng cháy chữa cháy"),
        ("antt", "an ninh trật tự"),
        ("ttxd", "trật tự xây dựng"),
        ("kt-xh", "kinh tế xã hội"),
        ("qp-an", "quốc phòng an ninh"),
        ("ct-xh", "chính trị xã hội"),
        ("ntm", "nông thôn mới"),
        ("cchc", "cải cách hành chính"),
        ("thpt", "trung học phổ thông"),
        ("thcs", "trung học cơ sở"),
        ("dqtv", "dân quân tự vệ"),
        ("ccb", "cựu chiến binh"),
        ("bch", "ban chấp hành"),
        ("btv", "ban thường vụ"),
        ("khkt", "khoa học kỹ thuật"),
        ("khkt", "khoa học kĩ thuật"),
        ("khcn", "khoa học công nghệ"),
        ("cnh-hđh", "công nghiệp hóa hiện đại hóa"),
        ("cntt", "công nghệ thông tin"),
        ("htx", "hợp tác xã"),
        ("ocop", "mỗi xã một sản phẩm"),
        ("tp", "thành phố"),
        ("nq", "nghị quyết"),
        ("ct", "chỉ thị"),
        ("kl", "kết luận"),
        ("qđ", "quyết định"),
        ("kh", "kế hoạch"),
    ];

    private static readonly HashSet<string> Known = BuildKnown();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="lowercaseTerm"/> is one of the abbreviations (e.g. "gpmb", "hđnd").</summary>
    public static bool IsKnown(ReadOnlySpan<char> lowercaseTerm) => KnownLookup.Contains(lowercaseTerm);

    private static HashSet<string> BuildKnown()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (abbreviation, _) in Entries)
        {
            set.Add(abbreviation);
            set.Add(VietnameseAlphabet.FoldString(abbreviation));
        }

        return set;
    }
}
