using System.Globalization;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;

namespace SearchService.Core.Tests.Documents;

/// <summary>
/// The samples written in the style of committees since the 1 July 2025 reorganisation (communes,
/// wards, a special zone, merged provinces), and one older document of a former province, each
/// against its whole expected record (samples/README.md describes them).
/// </summary>
public class PostReformSampleTests
{
    private static readonly ConclusionExtractor Extractor = new();

    /// <summary>
    /// One sample's record. References are "code|kind|issuing body" (the body empty when
    /// unresolved); Period is "year/months" or null.
    /// </summary>
    public sealed record Expected(
        string File, string Title, DocumentType Type, string? Number, string Committee, AdministrativeLevel Level,
        string Locality, string Province, string CurrentProvince, string? Term, string? TermYears, int Conference,
        string Date, string? Period, string Signer, string SignerTitle, string[] References, string[] Recipients, string[] Sections);

    public static TheoryData<Expected> Samples =>
    [
        new(
            "kl-hn3-dang-uy-xa-meo-vac-2025.txt",
            "Kết luận Hội nghị lần thứ ba Ban Chấp hành Đảng bộ xã khóa I, nhiệm kỳ 2025-2030 về kết quả lãnh đạo 9 tháng đầu năm và những việc trọng tâm 3 tháng cuối năm 2025",
            DocumentType.Conclusion, "15-KL/ĐU", "Ban Chấp hành Đảng bộ xã", AdministrativeLevel.Commune, "Mèo Vạc", "Tuyên Quang", "Tuyên Quang",
            "I", "2025-2030", 3, "2025-10-20", "2025/9", "Sùng Mí Páo", "Bí thư",
            ["02-NQ/ĐU|resolution|Đảng ủy xã Mèo Vạc", "05-KH/TU|plan|Tỉnh ủy Tuyên Quang", "57-NQ/TW|resolution|Trung ương"],
            ["Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã", "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy"],
            ["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM 2025", "II. NHIỆM VỤ, GIẢI PHÁP 3 THÁNG CUỐI NĂM 2025", "III. TỔ CHỨC THỰC HIỆN"]),
        new(
            "tb-kl-dang-uy-phuong-quy-nhon-nam-phien-12-2026.md",
            "Thông báo Kết luận phiên họp thứ mười hai của Ban Thường vụ Đảng ủy phường khóa I, nhiệm kỳ 2025-2030 về công tác chuẩn bị bầu cử và nhiệm vụ trọng tâm tháng 4 năm 2026",
            DocumentType.Notice, "48-TB/ĐU", "Ban Thường vụ Đảng ủy phường", AdministrativeLevel.Ward, "Quy Nhơn Nam", "Gia Lai", "Gia Lai",
            "I", "2025-2030", 12, "2026-03-12", null, "Đặng Thị Mỹ Linh", "Chánh Văn phòng",
            ["46-CT/TW|directive|Trung ương", "15-KH/ĐU|plan|Đảng ủy phường Quy Nhơn Nam"],
            ["Thường trực Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Thường vụ Đảng ủy phường", "Các chi bộ khu phố", "Lưu Văn phòng Đảng ủy"],
            ["1. Về công tác bầu cử", "2. Về chỉnh trang đô thị và mùa du lịch", "3. Về công tác cán bộ", "4. Tổ chức thực hiện"]),
        new(
            "kl-hn2-dang-uy-dac-khu-phu-quoc-2025.md",
            "Kết luận Hội nghị lần thứ hai Ban Chấp hành Đảng bộ đặc khu khóa I về phát triển du lịch bền vững và chuẩn bị tổ chức Hội nghị APEC năm 2027",
            DocumentType.Conclusion, "21-KL/ĐU", "Ban Chấp hành Đảng bộ đặc khu", AdministrativeLevel.SpecialZone, "Phú Quốc", "An Giang", "An Giang",
            "I", "2025-2030", 2, "2025-12-04", null, "Lâm Quốc Thịnh", "Phó Bí thư",
            ["01-KL/ĐU|conclusion|Đảng ủy đặc khu Phú Quốc", "59-NQ/TW|resolution|Trung ương", "68-NQ/TW|resolution|Trung ương"],
            ["Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ đặc khu", "Các chi bộ, đảng bộ trực thuộc", "Lưu Văn phòng Đảng ủy"],
            ["I. ĐÁNH GIÁ CHUNG", "II. NHIỆM VỤ, GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"]),
        new(
            "tb-kl-dang-uy-xa-hai-hau-phien-5-2025.txt",
            "Thông báo Kết luận phiên họp thứ năm của Ban Thường vụ Đảng ủy xã về phòng, chống thiên tai mùa mưa bão và ổn định đời sống nhân dân vùng ven biển",
            DocumentType.Notice, "09-TB/ĐU", "Ban Thường vụ Đảng ủy xã", AdministrativeLevel.Commune, "Hải Hậu", "Ninh Bình", "Ninh Bình",
            null, null, 5, "2025-08-22", null, "Trần Văn Khiêm", "Phó Bí thư",
            ["05-NQ/ĐU|resolution|Đảng ủy xã Hải Hậu", "12-KH/TU|plan|Tỉnh ủy Ninh Bình"],
            ["Thường trực Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã", "Các chi bộ thôn", "Lưu Văn phòng Đảng ủy"],
            ["1. Về phòng, chống thiên tai", "2. Về sản xuất và đời sống", "3. Về xây dựng tổ chức đảng", "4. Tổ chức thực hiện"]),
        new(
            "kl-hn4-dang-uy-phuong-viet-tri-2025.md",
            "Kết luận Hội nghị lần thứ 4 Ban Chấp hành Đảng bộ phường khóa I về kết quả thực hiện nhiệm vụ năm 2025; phương hướng, nhiệm vụ năm 2026",
            DocumentType.Conclusion, "27-KL/ĐU", "Ban Chấp hành Đảng bộ phường", AdministrativeLevel.Ward, "Việt Trì", "Phú Thọ", "Phú Thọ",
            "I", "2025-2030", 4, "2025-12-26", "2025/12", "Nguyễn Thị Hồng Vân", "Bí thư",
            ["57-NQ/TW|resolution|Trung ương", "08-KL/TU|conclusion|Tỉnh ủy Phú Thọ"],
            ["Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường", "Các chi bộ, đảng bộ trực thuộc", "Lưu Văn phòng Đảng ủy"],
            ["I. KẾT QUẢ NĂM 2025", "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "III. TỔ CHỨC THỰC HIỆN"]),
        new(
            "kl-hn3-tinh-uy-lao-cai-2026.txt",
            "Kết luận Hội nghị lần thứ III Ban Chấp hành Đảng bộ tỉnh khóa XVI về đẩy mạnh chuyển đổi số trong các cơ quan đảng, chính quyền cấp xã",
            DocumentType.Conclusion, "112-KL/TU", "Ban Chấp hành Đảng bộ tỉnh", AdministrativeLevel.Province, "Lào Cai", "Lào Cai", "Lào Cai",
            "XVI", "2025-2030", 3, "2026-01-15", null, "Hoàng Quốc Khánh", "Bí thư",
            ["57-NQ/TW|resolution|Trung ương", "05-NQ/TU|resolution|Tỉnh ủy Lào Cai"],
            ["Ban Bí thư Trung ương Đảng (b/c)", "Các đồng chí Tỉnh ủy viên", "Các đảng ủy xã, phường", "Lưu Văn phòng Tỉnh ủy"],
            ["I. TÌNH HÌNH", "II. NHIỆM VỤ, GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"]),
        new(
            "tb-kl-dang-uy-phuong-ninh-kieu-phien-9-2026.md",
            "Thông báo Kết luận phiên họp thứ 9 của Ban Thường vụ Đảng ủy phường về bảo đảm an ninh, trật tự và phục vụ nhân dân đón Tết Bính Ngọ năm 2026",
            DocumentType.Notice, "36-TB/ĐU", "Ban Thường vụ Đảng ủy phường", AdministrativeLevel.Ward, "Ninh Kiều", "Cần Thơ", "Cần Thơ",
            null, null, 9, "2026-02-10", null, "Lê Hoàng Phúc", "Phó Chánh Văn phòng",
            ["03-CT/TU|directive|Thành ủy Cần Thơ", "31-TB/ĐU|notice|Đảng ủy phường Ninh Kiều"],
            ["Thường trực Thành ủy (b/c)", "Các đồng chí Ủy viên Ban Thường vụ Đảng ủy phường", "Các chi bộ khu vực", "Lưu Văn phòng Đảng ủy"],
            ["1. Về an ninh, trật tự", "2. Về chăm lo Tết cho người dân", "3. Về các việc còn tồn đọng", "4. Tổ chức thực hiện"]),
        new(
            "kl-hn5-dang-uy-xa-cai-be-2026.txt",
            "Kết luận Hội nghị lần thứ năm Ban Chấp hành Đảng bộ xã khóa I về tình hình thực hiện nhiệm vụ quý I năm 2026; nhiệm vụ quý II năm 2026",
            DocumentType.Conclusion, "44-KL/ĐU", "Ban Chấp hành Đảng bộ xã", AdministrativeLevel.Commune, "Cái Bè", "Đồng Tháp", "Đồng Tháp",
            "I", null, 5, "2026-04-10", "2026/3", "Nguyễn Văn Tài", "Phó Bí thư Thường trực",
            ["03-NQ/ĐU|resolution|Đảng ủy xã Cái Bè", "19-KL/TU|conclusion|Tỉnh ủy Đồng Tháp"],
            ["Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã", "Các chi bộ ấp", "Lưu Văn phòng Đảng ủy"],
            ["I. KẾT QUẢ QUÝ I NĂM 2026", "II. NHIỆM VỤ QUÝ II NĂM 2026", "III. TỔ CHỨC THỰC HIỆN"]),
        new(
            "kl-hn20-thanh-uy-quy-nhon-2024.txt",
            "Kết luận Hội nghị lần thứ 20 Ban Chấp hành Đảng bộ thành phố khóa XXI về kết quả thực hiện nhiệm vụ năm 2024; mục tiêu, nhiệm vụ năm 2025",
            DocumentType.Conclusion, "356-KL/TU", "Ban Chấp hành Đảng bộ thành phố", AdministrativeLevel.ProvincialCity, "Quy Nhơn", "Bình Định", "Gia Lai",
            "XXI", null, 20, "2024-12-18", "2024/12", "Phan Văn Hòa", "Bí thư",
            ["57-NQ/TW|resolution|Trung ương"],
            ["Ban Thường vụ Tỉnh ủy (b/c)", "Các đồng chí Thành ủy viên", "Các tổ chức cơ sở đảng", "Lưu Văn phòng Thành ủy"],
            ["I. KẾT QUẢ NĂM 2024", "II. NHIỆM VỤ NĂM 2025", "III. TỔ CHỨC THỰC HIỆN"]),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Post_reform_sample_gives_its_whole_record(Expected expected)
    {
        var d = Extractor.ExtractFile(TestCorpus.Sample(expected.File));

        Assert.Equal(Path.GetFileNameWithoutExtension(expected.File), d.Id);
        Assert.Equal(expected.Title, d.Title);
        Assert.Equal(expected.Type, d.Type);
        Assert.Equal(expected.Number, d.Number);
        Assert.Equal(expected.Committee, d.Committee);
        Assert.Equal(expected.Level, d.Level);
        Assert.Equal(expected.Locality, d.Locality);
        Assert.Equal(expected.Province, d.Province);
        Assert.Equal(expected.CurrentProvince, d.CurrentProvince);
        Assert.Equal(expected.Term, d.Term);
        Assert.Equal(expected.TermYears, d.TermYears);
        Assert.Equal(expected.Conference, d.Conference);
        Assert.Equal(DateOnly.Parse(expected.Date, CultureInfo.InvariantCulture), d.Date);
        Assert.Equal(Period(expected.Period), d.Period);
        Assert.Equal(new Signer(expected.Signer, expected.SignerTitle), d.Signer);
        Assert.Equal(
            expected.References.Order(StringComparer.Ordinal),
            d.References.Select(r => $"{r.Code}|{ConclusionDocumentJsonValue(r.Kind)}|{r.IssuerBody}").Order(StringComparer.Ordinal));
        Assert.All(d.References, r => Assert.Equal(1, r.Mentions));
        Assert.Equal(expected.Recipients, d.Recipients);
        Assert.Equal(expected.Sections, d.Sections.Select(s => s.Heading));
        Assert.All(d.Sections, s => Assert.NotEmpty(s.Text));
    }

    [Fact]
    public void Undated_commune_document_is_still_placed_on_todays_map()
    {
        var text = File.ReadAllText(TestCorpus.Sample("tb-kl-dang-uy-xa-hai-hau-phien-5-2025.txt"))
            .Replace("Hải Hậu, ngày 22 tháng 8 năm 2025", "Hải Hậu", StringComparison.Ordinal)
            .Replace("Ngày 20/8/2025, ", "", StringComparison.Ordinal);

        var d = Extractor.Extract("undated", text);

        Assert.Null(d.Date);
        Assert.Equal(("Hải Hậu", AdministrativeLevel.Commune, "Ninh Bình"), (d.Locality, d.Level, d.Province));
    }

    [Fact]
    public void A_district_dated_after_the_reform_is_not_placed_on_a_map_without_districts()
    {
        var text = File.ReadAllText(TestCorpus.Sample("kl-hn17-huyen-uy-dong-anh-2023.txt"))
            .Replace("ngày 18 tháng 12 năm 2023", "ngày 18 tháng 12 năm 2025", StringComparison.Ordinal);

        var d = Extractor.Extract("moved", text);

        Assert.Equal(new DateOnly(2025, 12, 18), d.Date);
        Assert.Null(d.Locality);
        Assert.Null(d.CurrentProvince);
    }

    private static ReportingPeriod? Period(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('/');
        return new ReportingPeriod(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string ConclusionDocumentJsonValue(ReferenceKind kind) =>
        System.Text.Json.JsonSerializer.Serialize(kind, ConclusionDocumentJson.Compact).Trim('"');
}
