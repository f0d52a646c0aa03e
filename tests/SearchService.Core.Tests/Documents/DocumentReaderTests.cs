using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Documents.Readers;

namespace SearchService.Core.Tests.Documents;

public sealed class DocumentReaderTests : IDisposable
{
    private const string Vietnamese = "Kết luận số 18-NQ/TU của Thành uỷ về giải phóng mặt bằng";
    private readonly TempFolder _temp = new("ss-docs");
    private readonly DocumentReaders _readers = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public void Text_is_read_in_every_supported_encoding(string encoding)
    {
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Vietnamese),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Vietnamese)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Vietnamese)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Vietnamese)],
        };
        var path = _temp.File("doc.txt");
        File.WriteAllBytes(path, bytes);

        Assert.Equal(Vietnamese, _readers.Read(path));
    }

    [Fact]
    public void Decomposed_text_is_normalised_to_composed_form()
    {
        var path = _temp.File("nfd.md");
        File.WriteAllText(path, Vietnamese.Normalize(NormalizationForm.FormD));

        Assert.Equal(Vietnamese, _readers.Read(path));
    }

    [Fact]
    public void Binary_file_is_refused_with_an_error_naming_it()
    {
        var path = _temp.File("image.txt");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var error = Assert.Throws<DocumentReadException>(() => _readers.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains("image.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a text file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_rather_than_decoded_into_garbage()
    {
        var path = _temp.File("latin1.txt");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("Ban Chấp hành đảng bộ"));

        Assert.Throws<DocumentReadException>(() => _readers.Read(path));
    }

    [Fact]
    public void File_larger_than_any_document_is_refused_without_reading_it()
    {
        var path = _temp.File("huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var error = Assert.Throws<DocumentReadException>(() => _readers.Read(path));
        Assert.Contains("50.0 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_and_missing_files_are_named_errors()
    {
        var odt = _temp.File("doc.odt");
        File.WriteAllText(odt, "x");

        Assert.Contains("unsupported file type '.odt'", Assert.Throws<DocumentReadException>(() => _readers.Read(odt)).Message, StringComparison.Ordinal);
        Assert.Contains("file not found", Assert.Throws<DocumentReadException>(() => _readers.Read(_temp.File("absent.txt"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_paragraphs_and_tables_become_text_the_extractor_reads()
    {
        var path = _temp.File("tu-son.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in new[] { "ĐẢNG BỘ TỈNH BẮC NINH", "THÀNH UỶ TỪ SƠN", "Số 318-KL/TU", "Từ Sơn, ngày 05 tháng 7 năm 2023", "KẾT LUẬN", "HỘI NGHỊ LẦN THỨ 9 BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ KHOÁ XVIII" })
            {
                body.Append(new Paragraph(new Run(new Text(line))));
            }

            body.Append(new Table(new TableRow(
                new TableCell(new Paragraph(new Run(new Text("Văn bản")))),
                new TableCell(new Paragraph(new Run(new Text("Chỉ thị số 35-CT/TW")))))));
            main.Document = new Document(body);
        }

        var record = new ConclusionExtractor().ExtractFile(path);

        Assert.Equal(("Từ Sơn", AdministrativeLevel.ProvincialCity, "318-KL/TU"), (record.Locality!, record.Level!.Value, record.Number!));
        Assert.Equal(new DateOnly(2023, 7, 5), record.Date);
        Assert.Contains("Văn bản\tChỉ thị số 35-CT/TW", record.Body, StringComparison.Ordinal);
        Assert.Equal("35-CT/TW", Assert.Single(record.References).Code);
    }

    [Fact]
    public void Docx_footnotes_are_read_after_the_body_and_separators_are_not()
    {
        var path = _temp.File("footnotes.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("Thực hiện Kết luận của Tỉnh ủy")))));
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new Footnotes(
                new Footnote(new Paragraph(new Run(new Text("----")))) { Id = 0 },
                new Footnote(new Paragraph(new Run(new Text("Chỉ thị số 35-CT/TW")))) { Id = 1 });
        }

        var text = _readers.Read(path);

        Assert.Equal("Thực hiện Kết luận của Tỉnh ủy\nChỉ thị số 35-CT/TW\n", text);
    }

    [Theory]
    [InlineData("one text node")]
    [InlineData("many paragraphs")]
    public void A_docx_that_expands_without_end_is_refused_as_a_bomb(string shape)
    {
        // About 100 MB of XML in a zip of a few hundred kilobytes.
        var path = _temp.File("bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            writer.Write(shape == "one text node" ? "<w:p><w:r><w:t>" : "");
            var block = shape == "one text node" ? new string('a', 1 << 20) : string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>ab</w:t></w:r></w:p>", 30_000));
            for (var written = 0L; written < 100L << 20; written += block.Length)
            {
                writer.Write(block);
            }

            writer.Write(shape == "one text node" ? "</w:t></w:r></w:p>" : "");
            writer.Write("</w:body></w:document>");
        }

        Assert.True(new FileInfo(path).Length < 2 << 20, "the test bomb should be small on disk");
        var error = Assert.Throws<DocumentReadException>(() => _readers.Read(path));
        Assert.Contains("bomb.docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_with_a_dtd_is_refused_as_unreadable()
    {
        var path = _temp.File("dtd.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>");
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>");
        }

        var error = Assert.Throws<DocumentReadException>(() => _readers.Read(path));
        Assert.Contains("dtd.docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_docx_is_a_named_error()
    {
        var path = _temp.File("broken.docx");
        File.WriteAllText(path, "this is not a zip package");

        var error = Assert.Throws<DocumentReadException>(() => _readers.Read(path));
        Assert.Contains("broken.docx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_pdf_converter_is_an_error_naming_the_tool()
    {
        var path = _temp.File("doc.pdf");
        MinimalPdf.Write(path, ["KET LUAN"]);

        var error = Assert.Throws<ConverterMissingException>(() => new PdfFileReader("pdftotext-absent-for-this-test").Read(path));
        Assert.Equal("pdftotext-absent-for-this-test", error.ToolName);
        Assert.Contains("poppler-utils", error.Message, StringComparison.Ordinal);
    }

    [PdfFact]
    public void Pdf_text_is_read_through_pdftotext()
    {
        var path = _temp.File("doc.pdf");
        MinimalPdf.Write(path, ["KET LUAN", "Thuc hien Nghi quyet so 18-NQ/TU ngay 05/4/2023."]);

        var text = _readers.Read(path);

        Assert.Contains("KET LUAN", text, StringComparison.Ordinal);
        Assert.Contains("18-NQ/TU", text, StringComparison.Ordinal);
    }

    [PdfFact]
    public void Damaged_pdf_is_a_named_error()
    {
        var path = _temp.File("broken.pdf");
        File.WriteAllText(path, "not a pdf");

        Assert.Contains("broken.pdf", Assert.Throws<DocumentReadException>(() => _readers.Read(path)).Message, StringComparison.Ordinal);
    }
}
