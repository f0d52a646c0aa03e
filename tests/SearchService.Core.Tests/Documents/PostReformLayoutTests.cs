using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Documents.Gazetteer;

namespace SearchService.Core.Tests.Documents;

/// <summary>Post-reform documents laid out in the other ways such committees write and convert them.</summary>
public class PostReformLayoutTests
{
    private static readonly ConclusionExtractor Extractor = new();

    [Fact]
    public void Two_column_header_from_a_pdf_and_the_committee_between_conference_and_number()
    {
        const string text = """
            ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH              ĐẢNG CỘNG SẢN VIỆT NAM
            ĐẢNG UỶ ĐẶC KHU CÔN ĐẢO
                     *                          Côn Đảo, ngày 03 tháng 11 năm 2025
            Số: 07-KL/ĐU

                                   KẾT LUẬN
            của Hội nghị Ban Chấp hành Đảng bộ đặc khu lần thứ hai mươi mốt
                   về bảo vệ rừng quốc gia và hệ sinh thái biển

            Ngày 31/10/2025, Ban Chấp hành Đảng bộ đặc khu họp. Hội nghị thống nhất tiếp tục thực hiện Nghị quyết số 04-NQ/ĐU và Chỉ thị số 12-CT/TU.

            Nơi nhận:
            - Thường trực Thành ủy (b/c),
            - Lưu VP.

            TM. BAN THƯỜNG VỤ
            KT. BÍ THƯ
            PHÓ BÍ THƯ

            Võ Minh Triết
            """;

        var d = Extractor.Extract("con-dao", text);

        Assert.Equal((DocumentType.Conclusion, "07-KL/ĐU", new DateOnly(2025, 11, 3), 21), (d.Type, d.Number, d.Date!.Value, d.Conference!.Value));
        Assert.Equal((AdministrativeLevel.SpecialZone, "Côn Đảo", "Hồ Chí Minh", "Hồ Chí Minh"), (d.Level!.Value, d.Locality!, d.Province!, d.CurrentProvince!));
        Assert.Equal(new Signer("Võ Minh Triết", "Phó Bí thư"), d.Signer);
        Assert.Null(d.Period);
        Assert.Equal("Đảng ủy đặc khu Côn Đảo", d.References.Single(r => r.Code == "04-NQ/ĐU").IssuerBody);
        Assert.Equal("Thành ủy Hồ Chí Minh", d.References.Single(r => r.Code == "12-CT/TU").IssuerBody);
    }

    [Theory]
    [InlineData("lần thứ nhất", 1)]
    [InlineData("lần thứ tư", 4)]
    [InlineData("lần thứ mười", 10)]
    [InlineData("lần thứ mười một", 11)]
    [InlineData("lần thứ mười lăm", 15)]
    [InlineData("lần thứ hai mươi", 20)]
    [InlineData("lần thứ hai mươi tư", 24)]
    [InlineData("lần thứ ba mươi", 30)]
    [InlineData("LẦN THỨ BẢY", 7)]
    [InlineData("lần thứ XII", 12)]
    [InlineData("lần thứ 12", 12)]
    public void Conference_numbers_in_words_numerals_and_digits(string written, int number)
    {
        var d = Extractor.Extract("n", $"KẾT LUẬN\nHỘI NGHỊ {written} BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG\n\nNgày 05/01/2026, Ban Chấp hành họp.\n");

        Assert.Equal(number, d.Conference);
    }

    [Theory]
    [InlineData("lần thứ ba năm 2026", 3)]
    [InlineData("lần thứ ba Ban Chấp hành", 3)]
    [InlineData("lần thứ năm mươi", 50)]
    [InlineData("lần thứ mươi", null)]
    [InlineData("lan thu sau", 6)]
    [InlineData("lần thứ năm, khóa I", 5)]
    public void A_number_in_words_stops_where_the_number_does(string written, int? number) =>
        Assert.Equal(number, VietnameseOrdinals.ParseLeading(written["lần thứ ".Length..]));

    [Fact]
    public void Ward_notice_of_a_centrally_run_city_under_an_order_signature()
    {
        const string text = """
            ĐẢNG BỘ THÀNH PHỐ HÀ NỘI
            ĐẢNG ỦY PHƯỜNG BA ĐÌNH
            Số 102-TB/ĐU
            Ba Đình, ngày 09 tháng 01 năm 2026

            THÔNG BÁO
            Kết luận phiên họp thứ hai mươi của Ban Thường vụ Đảng ủy phường
            về kết quả công tác tháng 12 năm 2025 và nhiệm vụ quý I năm 2026

            Ngày 07/01/2026, Ban Thường vụ Đảng ủy phường họp. Thực hiện Kết luận số 95-KL/ĐU của Ban Thường vụ Đảng ủy phường.

            TL. BAN THƯỜNG VỤ
            CHÁNH VĂN PHÒNG

            Nguyễn Thu Trang
            """;

        var d = Extractor.Extract("ba-dinh", text);

        Assert.Equal((DocumentType.Notice, "Ban Thường vụ Đảng ủy phường", 20), (d.Type, d.Committee!, d.Conference!.Value));
        Assert.Equal((AdministrativeLevel.Ward, "Ba Đình", "Hà Nội"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal(new Signer("Nguyễn Thu Trang", "Chánh Văn phòng"), d.Signer);
        Assert.Null(d.Period);
        Assert.Equal("Đảng ủy phường Ba Đình", d.References.Single().IssuerBody);
    }

    [Fact]
    public void A_merged_provinces_document_citing_its_predecessors_committee_names_that_committee()
    {
        const string text = """
            ĐẢNG BỘ TỈNH GIA LAI
            ĐẢNG ỦY PHƯỜNG QUY NHƠN
            Số 30-KL/ĐU
            Quy Nhơn, ngày 05 tháng 9 năm 2025

            KẾT LUẬN
            HỘI NGHỊ LẦN THỨ HAI BAN CHẤP HÀNH ĐẢNG BỘ PHƯỜNG

            Ngày 03/9/2025, Hội nghị thống nhất tiếp tục thực hiện Nghị quyết số 21-NQ/TU của Ban Thường vụ Tỉnh ủy Bình Định (cũ), Kết luận số 40-KL/TU của Tỉnh ủy, Chỉ thị số 03-CT/TU của Thành ủy Quy Nhơn (cũ) và Kế hoạch số 11-KH/TU của Thành ủy Hải Phòng.
            """;

        var d = Extractor.Extract("quy-nhon", text);

        Assert.Equal((AdministrativeLevel.Ward, "Quy Nhơn", "Gia Lai"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal("Tỉnh ủy Bình Định", d.References.Single(r => r.Code == "21-NQ/TU").IssuerBody);
        Assert.Equal("Tỉnh ủy Gia Lai", d.References.Single(r => r.Code == "40-KL/TU").IssuerBody);
        Assert.Equal("Thành ủy Quy Nhơn", d.References.Single(r => r.Code == "03-CT/TU").IssuerBody);
        Assert.Equal("Thành ủy Hải Phòng", d.References.Single(r => r.Code == "11-KH/TU").IssuerBody);
    }

    [Fact]
    public void A_commune_name_shared_by_provinces_is_settled_by_the_province_the_body_names()
    {
        const string header = "ĐẢNG ỦY XÃ TÂN LẬP\nSố 04-KL/ĐU\nTân Lập, ngày 10 tháng 11 năm 2025\n\nKẾT LUẬN\nHỘI NGHỊ LẦN THỨ HAI BAN CHẤP HÀNH ĐẢNG BỘ XÃ\n\n";

        var named = Extractor.Extract("a", header + "Ngày 08/11/2025, Hội nghị bàn phát triển cao su theo quy hoạch của tỉnh Quảng Trị.\n");
        var unnamed = Extractor.Extract("b", header + "Ngày 08/11/2025, Hội nghị bàn phát triển cao su.\n");

        Assert.True(LocalityGazetteer.Since2025.Find("Tân Lập").Count(l => l.Level == AdministrativeLevel.Commune) > 1);
        Assert.Equal(("Tân Lập", "Quảng Trị"), (named.Locality, named.Province));
        Assert.Null(unnamed.Locality);
    }

    [Theory]
    [InlineData("ĐẢNG BỘ TỈNH TUYÊN QUANG\nĐẢNG ỦY PHƯỜNG HÀ GIANG 1\n")]
    [InlineData("")]
    public void A_ward_with_a_number_in_its_name(string header)
    {
        var d = Extractor.Extract("hg1", header + "Số 02-TB/ĐU\nHà Giang, ngày 02 tháng 10 năm 2025\n\nTHÔNG BÁO\nKết luận phiên họp thứ ba của Ban Thường vụ Đảng ủy phường\n\nNgày 01/10/2025, Ban Thường vụ Đảng ủy phường Hà Giang 1 họp, bàn việc của phường Hà Giang 1.\n");

        Assert.Equal(("Hà Giang 1", AdministrativeLevel.Ward, "Tuyên Quang", 3), (d.Locality, d.Level, d.Province, d.Conference));
    }
}
