using System.Text.RegularExpressions;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Splits a document's body into its top-level sections. Conclusions number them with Roman
/// numerals ("I. Kết quả …", "II- NHIỆM VỤ …", "III. Tổ chức thực hiện"); notices often with short
/// numbered headings ("1. Về công tác PCCC"), which are used only when there are no Roman ones. A
/// long numbered paragraph is a point, not a heading.
/// </summary>
public static partial class SectionSplitter
{
    private const int MaxHeadingLength = 160;

    /// <summary>The sections of <paramref name="lines"/> from <paramref name="start"/> up to the recipients or signature.</summary>
    public static IReadOnlyList<DocumentSection> Split(IReadOnlyList<string> lines, int start)
    {
        var end = lines.Count;
        for (var i = start; i < lines.Count; i++)
        {
            var folded = Analysis.VietnameseAlphabet.FoldString(lines[i].Trim());
            if (folded.StartsWith("noi nhan", StringComparison.Ordinal) || SignatureBlock.IsOnBehalfLine(lines[i]))
            {
                end = i;
                break;
            }
        }

        var headings = Headings(lines, start, end, RomanHeading());
        if (headings.Count == 0)
        {
            headings = Headings(lines, start, end, NumberedHeading());
        }

        var sections = new List<DocumentSection>(headings.Count);
        for (var h = 0; h < headings.Count; h++)
        {
            var from = headings[h] + 1;
            var to = h + 1 < headings.Count ? headings[h + 1] : end;
            var text = string.Join('\n', lines.Skip(from).Take(to - from).Where(l => l.Length > 0)).Trim();
            sections.Add(new DocumentSection(lines[headings[h]].Trim(), text));
        }

        return sections;
    }

    private static List<int> Headings(IReadOnlyList<string> lines, int start, int end, Regex pattern)
    {
        var found = new List<int>();
        for (var i = start; i < end; i++)
        {
            var line = lines[i].Trim();
            if (line.Length is > 0 and <= MaxHeadingLength && pattern.IsMatch(line) && !line.EndsWith(';'))
            {
                found.Add(i);
            }
        }

        return found;
    }

    [GeneratedRegex(@"^(?:[IVX]{1,4})\s*[.\-–/]\s*\S")]
    private static partial Regex RomanHeading();

    [GeneratedRegex(@"^\d{1,2}\.\s+\S[^.]*$")]
    private static partial Regex NumberedHeading();
}
