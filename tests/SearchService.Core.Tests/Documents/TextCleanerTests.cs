using SearchService.Core.Documents.Extraction;

namespace SearchService.Core.Tests.Documents;

public class TextCleanerTests
{
    private const string Cut = "Một số cơ sở kinh doanh không đủ điều kiện về an ninh trật tự và phòng cháy, chữa cháy vẫn hoạt động trái phép ở";

    [Fact]
    public void Sentence_cut_by_a_page_break_is_joined() =>
        Assert.Equal(Cut + " các phường.\n", TextCleaner.Clean(Cut + "\n\ncác phường."));

    [Fact]
    public void Paragraph_after_a_full_stop_stays_apart() =>
        Assert.Equal(Cut + ".\n\nthị xã tiếp tục.\n", TextCleaner.Clean(Cut + ".\n\nthị xã tiếp tục."));

    [Fact]
    public void Capitalised_next_paragraph_stays_apart() =>
        Assert.Equal(Cut + "\n\nGPMB dự án.\n", TextCleaner.Clean(Cut + "\n\nGPMB dự án."));

    [Fact]
    public void Markdown_markers_go_and_the_header_star_stays() =>
        Assert.Equal("KẾT LUẬN\n*\nHạn chế: nhiều việc.\n1. Về kinh tế\n", TextCleaner.Clean("## KẾT LUẬN\n*\n*Hạn chế:* nhiều việc.\n**1.** Về kinh tế  \n-----\n"));
}
