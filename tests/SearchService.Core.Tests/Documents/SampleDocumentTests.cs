using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;

namespace SearchService.Core.Tests.Documents;

/// <summary>Every sample document against the record samples/README.md describes.</summary>
public class SampleDocumentTests
{
    private static readonly ConclusionExtractor Extractor = new();

    public sealed record Expected(
        string File, DocumentType Type, string? Number, AdministrativeLevel Level, string Locality, string Province,
        string Date, string? Term, string? TermYears, int Conference, int? PeriodYear, int? PeriodMonths,
        string Signer, string SignerTitle, string[] Codes);

    public static TheoryData<Expected> Samples =>
    [
        new("kl-hn14-thanh-uy-hai-phong-2023.md", DocumentType.Conclusion, "512-KL/TU", AdministrativeLevel.CentrallyRunCity, "Hải Phòng", "Hải Phòng",
            "2023-07-14", "XVI", null, 14, 2023, 6, "Phạm Hữu Thịnh", "Bí thư", ["35/2021/QH15", "122-KH/TU", "01-CTr/BTVTUHP-BTVĐUCSSB"]),
        new("kl-hn15-tinh-uy-bac-ninh-2023.md", DocumentType.Conclusion, "862-KL/TU", AdministrativeLevel.Province, "Bắc Ninh", "Bắc Ninh",
            "2023-12-15", "XX", "2020-2025", 15, 2023, 12, "Lê Quang Khải", "Bí thư", ["706-KL/TU", "18-NQ/TU"]),
        new("kl-hn16-thi-uy-duc-pho-2024.md", DocumentType.Conclusion, "427-KL/TU", AdministrativeLevel.Town, "Đức Phổ", "Quảng Ngãi",
            "2024-07-10", "XXI", null, 16, 2024, 6, "Trương Công Lực", "Bí thư", ["18-NQ/TU"]),
        new("kl-hn17-huyen-uy-dong-anh-2023.txt", DocumentType.Conclusion, "188-KL/HU", AdministrativeLevel.District, "Đông Anh", "Hà Nội",
            "2023-12-18", "XXIV", null, 17, 2023, 12, "Nguyễn Hữu Thành", "Bí thư", ["158-QĐ/TW"]),
        new("kl-hn19-quan-uy-hai-chau-2024.md", DocumentType.Conclusion, "241-KL/QU", AdministrativeLevel.UrbanDistrict, "Hải Châu", "Đà Nẵng",
            "2024-10-14", "XXII", null, 19, 2024, 9, "Võ Thị Thanh Tâm", "Bí thư", ["06/QĐ-TTg", "35-CT/TW"]),
        new("kl-hn21-huyen-uy-hoang-hoa-2024.txt", DocumentType.Conclusion, null, AdministrativeLevel.District, "Hoằng Hóa", "Thanh Hóa",
            "2024-10-08", "XXVI", "2020-2025", 21, 2024, 9, "Lê Đình Thuận", "Bí thư", ["35-CT/TW"]),
        new("kl-hn22-tinh-uy-nghe-an-2024.md", DocumentType.Conclusion, "1035-KL/TU", AdministrativeLevel.Province, "Nghệ An", "Nghệ An",
            "2024-07-12", "XIX", "2020-2025", 22, 2024, 6, "Hồ Đức Nhân", "Phó Bí thư", ["06/QĐ-TTg", "35-CT/TW"]),
        new("kl-hn24-thanh-uy-bac-giang-2024.txt", DocumentType.Conclusion, "267-KL/TU", AdministrativeLevel.ProvincialCity, "Bắc Giang", "Bắc Giang",
            "2024-10-09", "XXIII", "2020-2025", 24, 2024, 9, "Đỗ Mạnh Tường", "Bí thư", ["145-KL/TU"]),
        new("kl-hn27-thanh-uy-hoa-binh-2024.txt", DocumentType.Conclusion, "402-KL/TU", AdministrativeLevel.ProvincialCity, "Hòa Bình", "Hòa Bình",
            "2024-12-20", "XXIV", null, 27, 2024, 12, "Bùi Văn Tiến", "Bí thư", ["35-CT/TW"]),
        new("kl-hn9-thanh-uy-tu-son-2023.txt", DocumentType.Conclusion, "318-KL/TU", AdministrativeLevel.ProvincialCity, "Từ Sơn", "Bắc Ninh",
            "2023-07-05", "XVIII", null, 9, 2023, 6, "Nguyễn Thị Thu Hằng", "Phó Bí thư", ["18-NQ/TU", "706-KL/TU"]),
        new("tb-kl-huyen-uy-tan-yen-phien-31-2024.md", DocumentType.Notice, "586-TB/HU", AdministrativeLevel.District, "Tân Yên", "Bắc Giang",
            "2024-07-12", "XXII", "2020-2025", 31, 2024, 6, "Hoàng Văn Quyết", "Bí thư", ["158-QĐ/TW"]),
        new("tb-kl-quan-uy-ngo-quyen-phien-52-2024.txt", DocumentType.Notice, "318-TB/QU", AdministrativeLevel.UrbanDistrict, "Ngô Quyền", "Hải Phòng",
            "2024-03-26", null, null, 52, null, null, "Trần Đức Mạnh", "Phó Bí thư", ["35/2021/QH15"]),
        new("tb-kl-thanh-uy-can-tho-phien-68-2024.txt", DocumentType.Notice, "1184-TB/TU", AdministrativeLevel.CentrallyRunCity, "Cần Thơ", "Cần Thơ",
            "2024-03-20", "XV", "2020-2025", 68, 2024, 3, "Huỳnh Thanh Phong", "Phó Bí thư", []),
        new("tb-kl-thi-uy-quang-yen-phien-112-2023.md", DocumentType.Notice, "745-TB/TU", AdministrativeLevel.Town, "Quảng Yên", "Quảng Ninh",
            "2023-09-18", null, null, 112, null, null, "Vũ Thị Hải Yến", "Phó Bí thư", []),
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_document_gives_the_expected_record(Expected expected)
    {
        var d = Extractor.ExtractFile(TestCorpus.Sample(expected.File));

        Assert.Equal(Path.GetFileNameWithoutExtension(expected.File), d.Id);
        Assert.Equal(expected.Type, d.Type);
        Assert.Equal(expected.Number, d.Number);
        Assert.Equal(expected.Level, d.Level);
        Assert.Equal(expected.Locality, d.Locality);
        Assert.Equal(expected.Province, d.Province);
        Assert.Equal(DateOnly.Parse(expected.Date, System.Globalization.CultureInfo.InvariantCulture), d.Date);
        Assert.Equal(expected.Term, d.Term);
        Assert.Equal(expected.TermYears, d.TermYears);
        Assert.Equal(expected.Conference, d.Conference);
        Assert.Equal(expected.PeriodYear is null ? null : new ReportingPeriod(expected.PeriodYear.Value, expected.PeriodMonths!.Value), d.Period);
        Assert.Equal(new Signer(expected.Signer, expected.SignerTitle), d.Signer);
        Assert.Equal(expected.Codes.Order(StringComparer.Ordinal), d.References.Where(r => r.Code is not null).Select(r => r.Code!).Order(StringComparer.Ordinal));
        Assert.NotNull(d.Title);
        Assert.NotEmpty(d.Recipients);
        Assert.NotEmpty(d.Sections);
    }

    [Fact]
    public void Same_code_in_two_provinces_gets_each_its_own_issuer_body()
    {
        var bacNinh = Extractor.ExtractFile(TestCorpus.Sample("kl-hn15-tinh-uy-bac-ninh-2023.md"));
        var ducPho = Extractor.ExtractFile(TestCorpus.Sample("kl-hn16-thi-uy-duc-pho-2024.md"));

        Assert.Equal("Tỉnh ủy Bắc Ninh", bacNinh.References.Single(r => r.Code == "18-NQ/TU").IssuerBody);
        Assert.Equal("Tỉnh ủy Quảng Ngãi", ducPho.References.Single(r => r.Code == "18-NQ/TU").IssuerBody);
    }

    [Fact]
    public void Bare_mention_counts_for_the_full_code_the_document_gives()
    {
        var d = Extractor.ExtractFile(TestCorpus.Sample("kl-hn9-thanh-uy-tu-son-2023.txt"));

        var resolution = d.References.Single(r => r.Code == "18-NQ/TU");
        Assert.Equal(2, resolution.Mentions);
        Assert.DoesNotContain(d.References, r => r.Code is null && r.Number == "18");
    }

    [Fact]
    public void Cited_date_and_state_issuers_are_read_from_the_code_and_its_neighbourhood()
    {
        var d = Extractor.ExtractFile(TestCorpus.Sample("kl-hn15-tinh-uy-bac-ninh-2023.md"));
        var conclusion = d.References.Single(r => r.Code == "706-KL/TU");
        var decree = d.References.Single(r => r.Code is null);

        Assert.Equal(new DateOnly(2023, 4, 5), conclusion.Date);
        Assert.Equal(ReferenceKind.Conclusion, conclusion.Kind);
        Assert.Equal((ReferenceKind.Decree, "33"), (decree.Kind, decree.Number));

        var congress = Extractor.ExtractFile(TestCorpus.Sample("tb-kl-quan-uy-ngo-quyen-phien-52-2024.txt")).References.Single();
        Assert.Equal(("Quốc hội khóa XV", ReferenceKind.Resolution, "QH15"), (congress.IssuerBody, congress.Kind, congress.Issuer));
    }

    [Fact]
    public void Map_scale_is_not_a_document_code()
    {
        var d = Extractor.ExtractFile(TestCorpus.Sample("kl-hn17-huyen-uy-dong-anh-2023.txt"));

        Assert.DoesNotContain(d.References, r => r.Code is not null && r.Code.Contains("2000", StringComparison.Ordinal));
    }

    [Fact]
    public void Page_break_artefact_is_joined_back_into_one_sentence()
    {
        var d = Extractor.ExtractFile(TestCorpus.Sample("kl-hn9-thanh-uy-tu-son-2023.txt"));

        Assert.Contains("không đủ điều kiện về phòng cháy, chữa cháy", d.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_markers_are_removed_from_the_body()
    {
        var d = Extractor.ExtractFile(TestCorpus.Sample("tb-kl-thi-uy-quang-yen-phien-112-2023.md"));

        Assert.DoesNotContain("**", d.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("##", d.Body, StringComparison.Ordinal);
        Assert.Contains("Quảng Yên, ngày 18 tháng 9 năm 2023", d.Body, StringComparison.Ordinal);
        Assert.Equal("Ban Thường vụ Thị ủy", d.Committee);
    }
}
