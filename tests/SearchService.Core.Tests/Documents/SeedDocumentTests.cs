using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;

namespace SearchService.Core.Tests.Documents;

/// <summary>
/// The five real documents in ../shared/corpus/seeds, read at run time (their text is not copied
/// here); the expected values were worked out by reading each document in full.
/// </summary>
public class SeedDocumentTests
{
    private static readonly ConclusionExtractor Extractor = new();

    private static ConclusionDocument Seed(string prefix) => Extractor.ExtractFile(TestCorpus.Seed(prefix));

    private static string[] Codes(ConclusionDocument d) =>
        [.. d.References.Where(r => r.Code is not null).Select(r => r.Code!).Order(StringComparer.Ordinal)];

    [SeedFact]
    public void Tu_Son_city_conference_8()
    {
        var d = Seed("000_");

        Assert.Equal((DocumentType.Conclusion, (string?)null), (d.Type, d.Number));
        Assert.Equal((AdministrativeLevel.ProvincialCity, "Từ Sơn", "Bắc Ninh"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal((new DateOnly(2023, 7, 5), "XVIII", (string?)null, 8), (d.Date!.Value, d.Term!, d.TermYears, d.Conference!.Value));
        Assert.Equal(new ReportingPeriod(2023, 6), d.Period);
        Assert.Equal(new Signer("Đỗ Tuấn Sơn", "Phó Bí thư"), d.Signer);
        Assert.Equal(["18-NQ/TU", "19-NQ/TU", "71-NQ/TU"], Codes(d));
        Assert.Equal(2, d.References.Single(r => r.Code == "19-NQ/TU").Mentions);
        Assert.Equal("Thành ủy Từ Sơn", d.References.Single(r => r.Code == "19-NQ/TU").IssuerBody);
        Assert.Equal("Tỉnh ủy Bắc Ninh", d.References.Single(r => r.Code == "71-NQ/TU").IssuerBody);
        Assert.Equal(
            [(ReferenceKind.Conclusion, "739"), (ReferenceKind.Conclusion, "740"), (ReferenceKind.Conclusion, "745"), (ReferenceKind.Decree, "33")],
            d.References.Where(r => r.Code is null).Select(r => (r.Kind, r.Number)).Order());
        Assert.StartsWith("Kết luận Hội nghị lần thứ 8 Ban Chấp hành Đảng bộ thành phố khóa XVIII về tình hình", d.Title, StringComparison.Ordinal);
        Assert.Contains("không đủ điều kiện ANTT", d.Body, StringComparison.Ordinal);
        Assert.Equal(6, d.Recipients.Count);
        Assert.Equal("Đ/c Nguyễn Đình Lợi - UVBTUV Tỉnh ủy, CT UBMTTQ tỉnh (b/c)", d.Recipients[0]);
        Assert.Equal(["I", "II", "III"], d.Sections.Select(s => s.Heading.Split('.')[0]));
    }

    [SeedFact]
    public void Thuan_Thanh_town_conference_13()
    {
        var d = Seed("001_");

        Assert.Equal((DocumentType.Conclusion, (string?)null), (d.Type, d.Number));
        Assert.Equal((AdministrativeLevel.Town, "Thuận Thành", "Bắc Ninh"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal((new DateOnly(2023, 10, 6), "XXIII", "2020-2025", 13), (d.Date!.Value, d.Term!, d.TermYears!, d.Conference!.Value));
        Assert.Equal(new ReportingPeriod(2023, 9), d.Period);
        Assert.Equal(new Signer("Văn Quốc Cường", "Phó Bí thư Thường trực"), d.Signer);
        Assert.Equal(["10-NQ/TU", "706-KL/TU", "87-NQ/TU"], Codes(d));
        var kl706 = d.References.Single(r => r.Code == "706-KL/TU");
        Assert.Equal(("Tỉnh ủy Bắc Ninh", new DateOnly(2023, 4, 5)), (kl706.IssuerBody!, kl706.Date!.Value));
        Assert.Equal("Thị ủy Thuận Thành", d.References.Single(r => r.Code == "10-NQ/TU").IssuerBody);
    }

    [SeedFact]
    public void Tan_Yen_district_notice_of_meeting_26()
    {
        var d = Seed("002_");

        Assert.Equal((DocumentType.Notice, (string?)null), (d.Type, d.Number));
        Assert.Equal((AdministrativeLevel.District, "Tân Yên", "Bắc Giang"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal((new DateOnly(2023, 10, 4), "XXII", "2020-2025", 26), (d.Date!.Value, d.Term!, d.TermYears!, d.Conference!.Value));
        Assert.Equal(new ReportingPeriod(2023, 9), d.Period);
        Assert.Equal(new Signer("Đinh Đức Cảnh", "Bí thư"), d.Signer);
        Assert.Equal(["120-KL/TU", "158-QĐ/TW", "19-CT/TU", "22-NQ/HU", "56-NQ/HU"], Codes(d));
        Assert.Equal("Huyện ủy Tân Yên", d.References.Single(r => r.Code == "22-NQ/HU").IssuerBody);
        Assert.Equal("Tỉnh ủy Bắc Giang", d.References.Single(r => r.Code == "120-KL/TU").IssuerBody);
        Assert.Equal(ReferenceKind.Regulation, d.References.Single(r => r.Code == "158-QĐ/TW").Kind);
    }

    [SeedFact]
    public void Hai_Phong_city_conference_8()
    {
        var d = Seed("003_");

        Assert.Equal((DocumentType.Conclusion, (string?)null), (d.Type, d.Number));
        Assert.Equal((AdministrativeLevel.CentrallyRunCity, "Hải Phòng", "Hải Phòng"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal((new DateOnly(2022, 7, 6), "XVI", (string?)null, 8), (d.Date!.Value, d.Term!, d.TermYears, d.Conference!.Value));
        Assert.Equal(new ReportingPeriod(2022, 6), d.Period);
        Assert.Equal(new Signer("Trần Lưu Quang", null), d.Signer);
        Assert.Equal(
            ["01-CTr/BTVTUHP-BTVĐUCSSB", "01-KL/TW", "02-NQ/TU", "04-NQ/TU", "05-CT/TW", "122-KH/TU", "15-KH/BNCTW", "205-QĐ/TW", "21-KL/TW",
             "262-QĐ/TW", "32-KL/TW", "35-KL/TW", "35/2021/QH15", "45-NQ/TW", "65-QĐ/TW", "875-QĐ/TU", "99-QĐ/TW"],
            Codes(d));
        Assert.Equal(2, d.References.Single(r => r.Code == "21-KL/TW").Mentions);
        Assert.Equal("Thành ủy Hải Phòng", d.References.Single(r => r.Code == "122-KH/TU").IssuerBody);
        Assert.Equal("Quốc hội khóa XV", d.References.Single(r => r.Code == "35/2021/QH15").IssuerBody);
    }

    [SeedFact]
    public void Duc_Pho_town_conference_18_with_blank_number()
    {
        var d = Seed("004_");

        Assert.Equal((DocumentType.Conclusion, (string?)null), (d.Type, d.Number));
        Assert.Equal((AdministrativeLevel.Town, "Đức Phổ", "Quảng Ngãi"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal((new DateOnly(2024, 10, 11), "XXI", (string?)null, 18), (d.Date!.Value, d.Term!, d.TermYears, d.Conference!.Value));
        Assert.Equal(new ReportingPeriod(2024, 9), d.Period);
        Assert.Equal(new Signer("Đỗ Tâm Hiền", "Bí thư"), d.Signer);
        Assert.Equal(["06/QĐ-TTg", "206-KH/TU", "2412-KL/TU", "35-CT/TW"], Codes(d));
        Assert.Equal("Tỉnh ủy Quảng Ngãi", d.References.Single(r => r.Code == "2412-KL/TU").IssuerBody);
        Assert.Equal("Thị ủy Đức Phổ", d.References.Single(r => r.Code == "206-KH/TU").IssuerBody);
        Assert.Equal("Thủ tướng Chính phủ", d.References.Single(r => r.Code == "06/QĐ-TTg").IssuerBody);
    }
}
