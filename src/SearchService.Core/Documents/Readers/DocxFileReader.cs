using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SearchService.Core.Documents.Readers;

/// <summary>
/// Reads .docx: body paragraphs one a line, tables a row a line with cells separated by tabs, then
/// the footnotes, so cited codes in footnotes are found too.
/// </summary>
/// <remarks>
/// A .docx is a zip of XML parts, and a small zip can expand to gigabytes (a 2.7 MB upload whose
/// document.xml is 1.1 GB of text). So the parts are streamed, never loaded: each is read through
/// a counter that stops at <see cref="MaxPartBytes"/> expanded bytes, the XML reader refuses DTDs
/// and entities, and the text kept stops at <see cref="MaxTextChars"/>. Memory stays bounded by
/// the text limit whatever the zip claims. WordprocessingML is simple enough to walk as a stream:
/// <c>w:t</c> is text, <c>w:tab</c> a tab, <c>w:br</c>/<c>w:cr</c> a line break, <c>w:p</c> a line,
/// <c>w:tc</c> a cell and <c>w:tr</c> a row; content controls are walked into like any element.
/// </remarks>
public sealed class DocxFileReader : IDocumentReader
{
    /// <summary>The most bytes one XML part may expand to (the text of a conclusion is tens of kilobytes).</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>The most text a .docx may yield, in chars: the limit of a text document's file.</summary>
    public const int MaxTextChars = (int)DocumentReaders.DefaultMaxFileBytes;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    /// <inheritdoc/>
    public string Read(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var main = PartTarget(zip, "_rels/.rels", "", "/officeDocument") ?? "word/document.xml";
            var mainEntry = zip.GetEntry(main) ?? throw new DocumentReadException(path, "the .docx has no document body");
            var text = new StringBuilder();
            ReadPart(path, mainEntry, text, footnotes: false);

            var folder = main.Contains('/', StringComparison.Ordinal) ? main[..(main.LastIndexOf('/') + 1)] : "";
            var relationships = folder + "_rels/" + main[folder.Length..] + ".rels";
            if (PartTarget(zip, relationships, folder, "/footnotes") is { } footnotes && zip.GetEntry(footnotes) is { } footnoteEntry)
            {
                ReadPart(path, footnoteEntry, text, footnotes: true);
            }

            return text.ToString().Normalize(NormalizationForm.FormC);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, $"not a readable .docx ({e.Message})", e);
        }
    }

    /// <summary>Walks one WordprocessingML part (the body, or the footnotes) into <paramref name="text"/>.</summary>
    private static void ReadPart(string path, ZipArchiveEntry entry, StringBuilder text, bool footnotes)
    {
        using var stream = new BoundedStream(entry.Open(), MaxPartBytes, path, entry.FullName);
        using var xml = XmlReader.Create(stream, SafeSettings);
        var paragraph = new StringBuilder();
        var cells = new List<string>();
        var inCell = false;
        var inText = false;
        var skipFootnote = false;
        var chunk = new char[4096];
        while (xml.Read())
        {
            if (inText && xml.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                // In chunks: one text node may be as long as the part itself.
                int n;
                while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                {
                    paragraph.Append(chunk, 0, n);
                    Guard(path, text.Length + paragraph.Length);
                }

                continue;
            }

            if (xml.NamespaceURI != WordNamespace)
            {
                continue;
            }

            if (xml.NodeType == XmlNodeType.Element)
            {
                switch (xml.LocalName)
                {
                    case "footnote" when footnotes:
                        // Ids below 1 are the separator pseudo-footnotes Word always writes.
                        skipFootnote = !int.TryParse(xml.GetAttribute("id", WordNamespace), out var id) || id < 1;
                        break;
                    case "t" when !skipFootnote:
                        inText = !xml.IsEmptyElement;
                        break;
                    case "tab" when !skipFootnote:
                        paragraph.Append('\t');
                        break;
                    case "br" or "cr" when !skipFootnote:
                        paragraph.Append('\n');
                        break;
                    case "tc":
                        inCell = true;
                        cells.Add("");
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && !skipFootnote)
            {
                switch (xml.LocalName)
                {
                    case "t":
                        inText = false;
                        break;
                    case "p" when inCell:
                        // Paragraphs of one cell are joined by spaces.
                        cells[^1] = cells[^1].Length == 0 ? paragraph.ToString() : cells[^1] + " " + paragraph;
                        paragraph.Clear();
                        break;
                    case "p":
                        text.Append(paragraph).Append('\n');
                        paragraph.Clear();
                        break;
                    case "tc":
                        inCell = false;
                        break;
                    case "tr":
                        text.AppendJoin('\t', cells.Select(c => c.Trim())).Append('\n');
                        cells.Clear();
                        break;
                    case "tbl":
                        text.Append('\n');
                        break;
                }

                Guard(path, text.Length);
            }
        }
    }

    /// <summary>The target of the first relationship whose type ends with <paramref name="typeSuffix"/>, as a path in the zip.</summary>
    private static string? PartTarget(ZipArchive zip, string relationshipsPart, string folder, string typeSuffix)
    {
        if (zip.GetEntry(relationshipsPart) is not { } entry)
        {
            return null;
        }

        using var stream = new BoundedStream(entry.Open(), 1024 * 1024, relationshipsPart, relationshipsPart);
        using var xml = XmlReader.Create(stream, SafeSettings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.NamespaceURI == RelationshipsNamespace
                && xml.GetAttribute("Type")?.EndsWith(typeSuffix, StringComparison.Ordinal) == true
                && xml.GetAttribute("Target") is { Length: > 0 } target && xml.GetAttribute("TargetMode") != "External")
            {
                return target.StartsWith('/') ? target[1..] : folder + target;
            }
        }

        return null;
    }

    private static void Guard(string path, int length)
    {
        if (length > MaxTextChars)
        {
            throw new DocumentReadException(path, $"the .docx holds more than {MaxTextChars:N0} characters of text, more than a document may be");
        }
    }

    /// <summary>No DTD, no entity expansion, no external resolution: a part is plain XML or refused.</summary>
    private static XmlReaderSettings SafeSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };
}
