using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SearchService.Core.Documents.Readers;

/// <summary>
/// Reads .docx through DocumentFormat.OpenXml: body paragraphs one a line, tables a row a line with
/// cells separated by tabs, then the footnotes, so cited codes in footnotes are found too.
/// </summary>
public sealed class DocxFileReader : IDocumentReader
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    /// <inheritdoc/>
    public string Read(string path)
    {
        try
        {
            using var document = WordprocessingDocument.Open(path, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DocumentReadException(path, "the .docx has no document body");
            var text = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                AppendBlock(element, text);
            }

            var footnotes = document.MainDocumentPart?.FootnotesPart?.Footnotes;
            if (footnotes is not null)
            {
                foreach (var footnote in footnotes.Elements<Footnote>())
                {
                    // Ids below 1 are the separator pseudo-footnotes Word always writes.
                    if (footnote.Id?.Value is > 0)
                    {
                        foreach (var paragraph in footnote.Elements<Paragraph>())
                        {
                            AppendParagraph(paragraph, text);
                        }
                    }
                }
            }

            return text.ToString().Normalize(NormalizationForm.FormC);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, $"not a readable .docx ({e.Message})", e);
        }
    }

    private static void AppendBlock(OpenXmlElement element, StringBuilder text)
    {
        switch (element)
        {
            case Paragraph paragraph:
                AppendParagraph(paragraph, text);
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>()
                        .Select(cell => string.Join(' ', cell.Elements<Paragraph>().Select(ParagraphText)).Trim());
                    text.Append(string.Join('\t', cells)).Append('\n');
                }

                text.Append('\n');
                break;
            case SdtBlock block:
                foreach (var child in block.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
                {
                    AppendBlock(child, text);
                }

                break;
        }
    }

    private static void AppendParagraph(Paragraph paragraph, StringBuilder text) =>
        text.Append(ParagraphText(paragraph)).Append('\n');

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }
}
