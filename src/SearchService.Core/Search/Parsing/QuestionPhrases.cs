using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// The frame of a question as staff and exam papers type it — "…, đúng hay sai?", "… nào sau
/// đây …", "… bao gồm?", "… là gì?", "có … không?" — which names no topic. Left in, such words
/// would be required (a document must say "sai" to match) or would rank documents that happen to
/// use them (rare words get a high idf). Matched on the folded syllables, so a question typed
/// without marks loses the same words as the accented one.
/// </summary>
internal static class QuestionPhrases
{
    // Folded syllables; longer frames first so "nào sau đây" is taken whole before "sau đây".
    private static readonly string[][] Frames =
    [
        ["dung", "hay", "sai"], ["dung", "hoac", "sai"], ["nao", "sau", "day"], ["nao", "duoi", "day"],
        ["nhu", "the", "nao"], ["sau", "day"], ["duoi", "day"], ["bao", "gom"], ["la", "gi"],
        ["nhung", "gi"], ["the", "nao"], ["bao", "nhieu"], ["bao", "lau"], ["khi", "nao"],
        ["vi", "sao"], ["tai", "sao"], ["chon", "cau", "sai"], ["chon", "cau", "dung"], ["chon", "cau"], ["gi"],
    ];

    /// <summary>
    /// The offset ranges (start, end) of the question frame in <paramref name="syllables"/> (the
    /// text's primary tokens, one per position, stop words kept): every frame found, plus a closing
    /// "không" when a "có" stands before it ("có … không?").
    /// </summary>
    public static List<(int Start, int End)> Find(IReadOnlyList<AnalyzedToken> syllables)
    {
        var folded = new string[syllables.Count];
        for (var i = 0; i < folded.Length; i++)
        {
            folded[i] = VietnameseAlphabet.FoldString(syllables[i].Term);
        }

        var spans = new List<(int Start, int End)>();
        for (var i = 0; i < folded.Length; i++)
        {
            foreach (var frame in Frames)
            {
                if (Matches(folded, i, frame))
                {
                    spans.Add((syllables[i].StartOffset, syllables[i + frame.Length - 1].EndOffset));
                    i += frame.Length - 1;
                    break;
                }
            }
        }

        var last = folded.Length - 1;
        if (last > 0 && folded[last] == "khong" && Array.IndexOf(folded, "co", 0, last) >= 0)
        {
            spans.Add((syllables[last].StartOffset, syllables[last].EndOffset));
        }

        return spans;
    }

    private static bool Matches(string[] folded, int at, string[] frame)
    {
        if (at + frame.Length > folded.Length)
        {
            return false;
        }

        for (var k = 0; k < frame.Length; k++)
        {
            if (folded[at + k] != frame[k])
            {
                return false;
            }
        }

        return true;
    }
}
