using SearchService.Core.Documents.Extraction;

namespace SearchService.Core.Tests.Documents;

public class SentenceCaseTests
{
    [Theory]
    [InlineData("BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ KHÓA XVIII", false, "Ban Chấp hành Đảng bộ thành phố khóa XVIII")]
    [InlineData("KẾT LUẬN HỘI NGHỊ LẦN THỨ 15 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XX", true, "Kết luận Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh khóa XX")]
    [InlineData("PHÓ BÍ THƯ THƯỜNG TRỰC", true, "Phó Bí thư Thường trực")]
    [InlineData("CỦA HỘI NGHỊ THỊ ỦY LẦN THỨ 18 (KHÓA XXI)", false, "của Hội nghị Thị ủy lần thứ 18 (khóa XXI)")]
    [InlineData("Về tình hình", false, "Về tình hình")]
    public void All_caps_lines_take_running_text_case(string line, bool capitalizeFirst, string expected) =>
        Assert.Equal(expected, SentenceCase.Apply(line, capitalizeFirst));
}
