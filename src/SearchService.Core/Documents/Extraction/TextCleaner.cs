using System.Text;
using System.Text.RegularExpressions;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Turns a reader's text into the clean body: markdown heading and emphasis markers removed (they
/// appear in .md files and in documents converted to .txt alike), rules dropped, and page-break
/// artefacts joined back: a paragraph that stops mid-sentence, a blank line, then a paragraph
/// starting in lower case is one paragraph cut by a page break.
/// </summary>
public static partial class TextCleaner
{
    /// <summary>Paragraphs shorter than this are headings or header lines, never the first half of a cut sentence.</summary>
    private const int MinCutParagraphLength = 60;

    /// <summary>Cleans <paramref name="raw"/>; lines end with "\n", paragraphs are separated by one blank line.</summary>
    public static string Clean(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var rawLine in lines)
        {
            var line = CleanLine(rawLine);
            if (line.Length == 0)
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(line);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(current);
        }

        var text = new StringBuilder(raw.Length);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var paragraph = paragraphs[i];
            while (i + 1 < paragraphs.Count && IsCutByPageBreak(paragraph[^1], paragraphs[i + 1][0]))
            {
                var next = paragraphs[++i];
                paragraph[^1] = paragraph[^1] + " " + next[0];
                paragraph.AddRange(next.Skip(1));
            }

            if (text.Length > 0)
            {
                text.Append('\n');
            }

            foreach (var line in paragraph)
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="last"/> stops mid-sentence and <paramref name="next"/> carries on in lower case.</summary>
    internal static bool IsCutByPageBreak(string last, string next)
    {
        // An ALL-CAPS line is a heading, and the lower-case subtitle after it is not its continuation.
        if (last.Length < MinCutParagraphLength || next.Length == 0 || !char.IsLower(next[0]) || SentenceCase.IsAllCaps(last))
        {
            return false;
        }

        var end = last[^1];
        return char.IsLetterOrDigit(end) || end == ',';
    }

    private static string CleanLine(string line)
    {
        var text = line.TrimEnd(' ', '\t', '\\', '\u00A0');
        if (HorizontalRule().IsMatch(text))
        {
            return "";
        }

        text = HeadingMarker().Replace(text, "");
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
        text = Emphasis().Replace(text, "$1");
        return text.Trim();
    }

    [GeneratedRegex(@"^\s*([-*_=])(\s*\1){2,}\s*$")]
    private static partial Regex HorizontalRule();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex HeadingMarker();

    // A single-star pair around text on one line; a lone "*" (the header's decoration) stays.
    [GeneratedRegex(@"(?<![*\w])\*(?=\S)([^*\n]*?\S)\*(?![*\w])")]
    private static partial Regex Emphasis();
}
