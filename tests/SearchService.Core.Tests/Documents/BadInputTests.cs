using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;

namespace SearchService.Core.Tests.Documents;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new("ss-docs");
    private readonly ConclusionExtractor _extractor = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Empty_file_gives_a_record_of_nulls()
    {
        var path = _temp.File("empty.txt");
        File.WriteAllBytes(path, []);

        var d = _extractor.ExtractFile(path);

        Assert.Equal(("empty", DocumentType.Other, ""), (d.Id, d.Type, d.Body));
        Assert.Null(d.Title);
        Assert.Null(d.Number);
        Assert.Null(d.Level);
        Assert.Null(d.Date);
        Assert.Null(d.Signer);
        Assert.Empty(d.References);
        Assert.Empty(d.Sections);
    }

    [Fact]
    public void Document_without_heading_keeps_what_it_states_and_nothing_else()
    {
        var d = _extractor.Extract("plain", "Ủy ban nhân dân huyện đẩy nhanh giải phóng mặt bằng theo Chỉ thị số 35-CT/TW.\n\nCác xã báo cáo kết quả.");

        Assert.Equal(DocumentType.Other, d.Type);
        Assert.Null(d.Title);
        Assert.Null(d.Locality);
        Assert.Null(d.Province);
        Assert.Null(d.Committee);
        Assert.Null(d.Term);
        Assert.Null(d.Conference);
        Assert.Null(d.Date);
        Assert.Null(d.Period);
        Assert.Equal("Trung ương", Assert.Single(d.References).IssuerBody);
    }

    [Fact]
    public void Blank_number_line_is_null_not_the_issuer_letters()
    {
        var d = _extractor.Extract("blank", "THỊ ỦY ĐỨC PHỔ\nSố      -KL/TU\n\nKẾT LUẬN\nHỘI NGHỊ THỊ ỦY LẦN THỨ 5 (KHÓA XXI)\n");

        Assert.Null(d.Number);
        Assert.Equal((5, "XXI"), (d.Conference!.Value, d.Term!));
        Assert.Empty(d.References);
    }

    [Fact]
    public void Long_text_without_structure_is_extracted_in_reasonable_time()
    {
        // A 4 MB run of one repeated sentence: no heading, no signature, many citations.
        var text = string.Concat(Enumerable.Repeat("Thực hiện Nghị quyết số 18-NQ/TU, ngày 05/4/2023 về giải phóng mặt bằng; ", 50_000));

        var d = _extractor.Extract("long", text);

        Assert.Equal(50_000, Assert.Single(d.References).Mentions);
        Assert.Null(d.Title);
    }

    [Fact]
    public void Windows_line_ends_and_a_mixed_case_heading_are_read_like_any_other()
    {
        var text = "HUYỆN ỦY TÂN YÊN\r\nSố: 12-KL/HU\r\n\r\nKết luận Hội nghị lần thứ 3 Ban Chấp hành Đảng bộ huyện khóa XXII\r\n\r\n"
            + "Ngày 02/3/2021, Ban Chấp hành Đảng bộ huyện họp Hội nghị lần thứ 3, kiểm điểm công tác quý I năm 2021 và thống nhất kết luận như sau:\r\n\r\n"
            + "T/M BAN CHẤP HÀNH\r\nBÍ THƯ\r\n\r\nNGUYỄN VĂN AN\r\n";

        var d = _extractor.Extract("crlf", text);

        Assert.Equal((DocumentType.Conclusion, "12-KL/HU", 3, "XXII"), (d.Type, d.Number!, d.Conference!.Value, d.Term!));
        Assert.Equal((AdministrativeLevel.District, "Tân Yên", "Bắc Giang"), (d.Level!.Value, d.Locality!, d.Province!));
        Assert.Equal(new DateOnly(2021, 3, 2), d.Date);
        Assert.Equal(new ReportingPeriod(2021, 3), d.Period);
        Assert.Equal(new Signer("Nguyễn Văn An", "Bí thư"), d.Signer);
        Assert.Empty(d.References);
    }
}
