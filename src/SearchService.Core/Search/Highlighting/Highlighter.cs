using System.Buffers;
using System.Text;

namespace SearchService.Core.Search.Highlighting;

/// <summary>
/// Marks what a query matched in a stored text field and cuts snippets around it. The caller
/// gives the field's original text and the index terms the query matched there, spelled as the
/// field's analyzer emits them (exact syllables, folded forms, pairs, synonyms, codes); the text
/// around the places where such terms can start is analysed again with that chain, so a folded,
/// tone-variant or synonym match marks exactly the original words it came from ("nong" marks
/// "nông", "ubnd" marks "Ủy ban nhân dân") through the tokens' offsets into the original text.
/// </summary>
/// <remarks>
/// Why not analyse the whole text: a stored body is ~10 KB and the chain costs ~2–4 ms for it, ten
/// hits a page; the places are found instead by searching the terms' anchors in a lowercase folded
/// copy of the text (<see cref="HighlightAnalysis.FoldedView"/>, one cheap pass), and only a few
/// hundred chars around each are analysed, which gives the same tokens (see
/// <see cref="HighlightAnalysis"/> for why). Many terms (a prefix's expansion) or text the cheap
/// view cannot follow fall back to analysing the whole text. Thread-safe. For a field with
/// several stored values, pass the values joined with '\n', as the index joined them, so the
/// offsets agree.
/// </remarks>
public sealed class Highlighter
{
    /// <summary>Above this many distinct anchors the whole text is analysed (one search per anchor would cost more).</summary>
    private const int MaxAnchors = 48;

    private readonly HighlightAnalysis _analysis;

    /// <summary>A highlighter for fields indexed as <paramref name="analysis"/> says, cutting by <paramref name="options"/>.</summary>
    public Highlighter(HighlightAnalysis analysis, HighlighterOptions? options = null)
    {
        _analysis = analysis ?? throw new ArgumentNullException(nameof(analysis));
        Options = options ?? HighlighterOptions.Default;
    }

    /// <summary>The cutting and marking options.</summary>
    public HighlighterOptions Options { get; }

    /// <summary>
    /// The stretches of <paramref name="text"/> whose tokens' terms are in <paramref name="matchedTerms"/>,
    /// in text order, overlapping ones merged (a pair and its syllables, a synonym and its phrase).
    /// </summary>
    public IReadOnlyList<HighlightSpan> FindMatches(string text, IEnumerable<string> matchedTerms) => FindMatches(text, matchedTerms, wholeText: false);

    /// <summary>
    /// As <see cref="FindMatches(string, IEnumerable{string})"/>; with <paramref name="wholeText"/>
    /// the whole text is analysed rather than the stretches around the terms' anchors (the
    /// reference the cheap way is tested against).
    /// </summary>
    public IReadOnlyList<HighlightSpan> FindMatches(string text, IEnumerable<string> matchedTerms, bool wholeText)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(matchedTerms);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in matchedTerms)
        {
            numbers.TryAdd(term, numbers.Count);
        }

        var spans = new List<HighlightSpan>();
        if (numbers.Count == 0 || text.Length == 0)
        {
            return spans;
        }

        var lookup = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        var windows = wholeText ? null : Windows(text, numbers.Keys);
        if (windows is null)
        {
            Collect(text, 0, text.Length, text.Length, lookup, spans);
        }
        else
        {
            foreach (var (start, lastStart, end) in windows)
            {
                Collect(text, start, end, lastStart, lookup, spans);
            }
        }

        // Stacked tokens start before the token they ride on (a pair starts at its first syllable), so sort first.
        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<HighlightSpan>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new HighlightSpan(last.Start, Math.Max(last.End, span.End), last.Terms | span.Terms);
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    /// <summary>Adds the matching tokens of text[from..to) that start at or before <paramref name="lastStart"/>.</summary>
    private void Collect(string text, int from, int to, int lastStart, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, List<HighlightSpan> spans)
    {
        var stream = _analysis.Tokens(text.AsSpan(from, to - from));
        var attributes = stream.Attributes;
        while (stream.IncrementToken())
        {
            var start = from + attributes.StartOffset;
            if (start <= lastStart && lookup.TryGetValue(attributes.Term, out var number) && attributes.EndOffset > attributes.StartOffset)
            {
                spans.Add(new HighlightSpan(start, from + attributes.EndOffset, 1UL << (number & 63)));
            }
        }
    }

    /// <summary>
    /// The stretches to analyse: (start at a whitespace boundary, the last place a wanted token
    /// may start, end past it by the chain's reach at a whitespace boundary), in text order and
    /// apart; null when the whole text must be analysed.
    /// </summary>
    private List<(int Start, int LastStart, int End)>? Windows(string text, IEnumerable<string> terms)
    {
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (!_analysis.TryAddAnchors(term, anchors) || anchors.Count > MaxAnchors)
            {
                return null;
            }
        }

        var folded = ArrayPool<char>.Shared.Rent(text.Length);
        var offsets = ArrayPool<int>.Shared.Rent(text.Length);
        try
        {
            var length = _analysis.FoldedView(text, folded, offsets);
            if (length < 0)
            {
                return null;
            }

            var view = folded.AsSpan(0, length);
            var places = new List<(int Place, int Reach)>();
            foreach (var (anchor, reach) in anchors)
            {
                for (var at = 0; at < view.Length;)
                {
                    var found = view[at..].IndexOf(anchor, StringComparison.Ordinal);
                    if (found < 0)
                    {
                        break;
                    }

                    var place = at + found;
                    if (place == 0 || !char.IsLetterOrDigit(view[place - 1]) || char.IsDigit(view[place - 1]) != char.IsDigit(view[place]))
                    {
                        places.Add((offsets[place], reach));
                    }

                    at = place + 1;
                }
            }

            places.Sort();
            var windows = new List<(int Start, int LastStart, int End)>();
            foreach (var (place, reach) in places)
            {
                var start = place;
                while (start > 0 && place - start < 300 && !char.IsWhiteSpace(text[start - 1]))
                {
                    start--;
                }

                var end = EndOfWords(text, place, reach);

                if (windows.Count > 0 && start <= windows[^1].End)
                {
                    windows[^1] = (windows[^1].Start, place, Math.Max(end, windows[^1].End));
                }
                else
                {
                    windows.Add((start, place, end));
                }
            }

            return windows;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(folded);
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    /// <summary>
    /// Where the run of non-space chars at <paramref name="place"/> ends, and then
    /// <paramref name="words"/> more runs holding a letter or digit (punctuation between them is
    /// passed over); never more than a few hundred chars on.
    /// </summary>
    private static int EndOfWords(string text, int place, int words)
    {
        var limit = Math.Min(text.Length, place + 300 + (words * 40));
        var end = place;
        for (var word = 0; word <= words && end < limit; word++)
        {
            var hasLetterOrDigit = false;
            while (!hasLetterOrDigit && end < limit)
            {
                while (end < limit && char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                while (end < limit && !char.IsWhiteSpace(text[end]))
                {
                    hasLetterOrDigit |= char.IsLetterOrDigit(text[end]);
                    end++;
                }
            }
        }

        return end;
    }

    /// <summary>
    /// Up to <see cref="HighlighterOptions.MaxFragments"/> HTML snippets of <paramref name="text"/>, in text
    /// order: the windows with the most distinct matched terms, then the most matches; cut at word
    /// boundaries, matches wrapped in the tags, everything else HTML-escaped, whitespace runs made one
    /// space, the ellipsis where text was cut off.
    /// </summary>
    public IReadOnlyList<string> Fragments(string text, IEnumerable<string> matchedTerms)
    {
        var spans = FindMatches(text, matchedTerms);
        var fragments = new List<string>();
        if (spans.Count == 0)
        {
            if (Options.LeadingFragmentWhenNoMatch && text.Trim().Length > 0)
            {
                var (start, end) = Expand(text, 0, Math.Min(text.Length, Options.FragmentLength), spans);
                fragments.Add(Render(text, start, end, spans));
            }

            return fragments;
        }

        // Windows already taken (shown, or set aside as the same text as one shown): a document
        // that repeats a sentence would otherwise show it twice; the next best window goes instead.
        var taken = new List<(int Start, int End)>();
        var shown = new List<(int Start, string Core, string Html)>();
        var length = Math.Max(Options.FragmentLength, 1);
        while (shown.Count < Options.MaxFragments)
        {
            var best = (Start: -1, End: -1, Distinct: 0, Count: 0);
            for (var i = 0; i < spans.Count; i++)
            {
                // A window opening a little before match i, so the match reads with some context.
                var start = Math.Max(0, spans[i].Start - (length / 5));
                var end = Math.Min(text.Length, start + length);
                if (Overlaps(taken, start, end))
                {
                    continue;
                }

                var terms = 0UL;
                var count = 0;
                for (var j = i; j < spans.Count && spans[j].End <= end; j++)
                {
                    terms |= spans[j].Terms;
                    count++;
                }

                for (var j = i - 1; j >= 0 && spans[j].Start >= start; j--)
                {
                    terms |= spans[j].Terms;
                    count++;
                }

                var distinct = System.Numerics.BitOperations.PopCount(terms);
                if (distinct > best.Distinct || (distinct == best.Distinct && count > best.Count))
                {
                    best = (start, end, distinct, count);
                }
            }

            if (best.Start < 0)
            {
                break;
            }

            taken.Add((best.Start, best.End));
            var (from, to) = Expand(text, best.Start, best.End, spans);
            var core = Core(text, from, to, spans);
            if (!shown.Exists(f => f.Core == core))
            {
                shown.Add((from, core, Render(text, from, to, spans)));
            }
        }

        shown.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        foreach (var (_, _, html) in shown)
        {
            fragments.Add(html);
        }

        return fragments;
    }

    /// <summary>
    /// What a fragment of text[from..to) says: from its first match to its last, whitespace runs
    /// as one space. Two windows saying the same are the same sentence, whatever is around them.
    /// </summary>
    private static string Core(string text, int from, int to, IReadOnlyList<HighlightSpan> spans)
    {
        int first = -1, last = -1;
        foreach (var span in spans)
        {
            if (span.Start >= from && span.End <= to)
            {
                first = first < 0 ? span.Start : first;
                last = span.End;
            }
        }

        var said = first < 0 ? text.AsSpan(from, to - from) : text.AsSpan(first, last - first);
        var core = new System.Text.StringBuilder(said.Length);
        foreach (var c in said)
        {
            if (!char.IsWhiteSpace(c))
            {
                core.Append(c);
            }
            else if (core.Length > 0 && core[^1] != ' ')
            {
                core.Append(' ');
            }
        }

        return core.ToString();
    }

    /// <summary>The whole of <paramref name="text"/> as HTML with every match marked (for short fields such as a title).</summary>
    public string MarkAll(string text, IEnumerable<string> matchedTerms) => Render(text, 0, text.Length, FindMatches(text, matchedTerms));

    private static bool Overlaps(List<(int Start, int End)> chosen, int start, int end)
    {
        foreach (var window in chosen)
        {
            if (start < window.End && window.Start < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves a window's edges to word boundaries without cutting a match in two.</summary>
    private static (int Start, int End) Expand(string text, int start, int end, IReadOnlyList<HighlightSpan> spans)
    {
        foreach (var span in spans)
        {
            if (span.Start < start && start < span.End)
            {
                start = span.End;
            }

            if (span.Start < end && end < span.End)
            {
                end = span.Start;
            }
        }

        // Forward to the start of a word, back to the end of one, but never past a match: a word
        // longer than the context (a run of digits, a URL) would otherwise push the match out.
        var firstMatch = end;
        var lastMatch = start;
        foreach (var span in spans)
        {
            if (span.Start >= start && span.End <= end)
            {
                firstMatch = Math.Min(firstMatch, span.Start);
                lastMatch = Math.Max(lastMatch, span.End);
            }
        }

        while (start > 0 && start < firstMatch && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }

        while (end < text.Length && end > lastMatch && !char.IsWhiteSpace(text[end]))
        {
            end--;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private string Render(string text, int start, int end, IReadOnlyList<HighlightSpan> spans)
    {
        var html = new StringBuilder((end - start) + 32);
        if (start > 0)
        {
            html.Append(Options.Ellipsis);
        }

        var at = start;
        var pendingSpace = false;
        foreach (var span in spans)
        {
            if (span.Start < start || span.End > end)
            {
                continue;
            }

            AppendEscaped(html, text, at, span.Start, ref pendingSpace);
            FlushSpace(html, ref pendingSpace);
            html.Append(Options.PreTag);
            AppendEscaped(html, text, span.Start, span.End, ref pendingSpace);
            pendingSpace = false;
            html.Append(Options.PostTag);
            at = span.End;
        }

        AppendEscaped(html, text, at, end, ref pendingSpace);
        if (end < text.Length)
        {
            FlushSpace(html, ref pendingSpace);
            html.Append(Options.Ellipsis);
        }

        return html.ToString();
    }

    private static void FlushSpace(StringBuilder html, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            html.Append(' ');
            pendingSpace = false;
        }
    }

    /// <summary>Appends text[from..to) HTML-escaped, with each run of whitespace (line breaks included) as one space.</summary>
    private static void AppendEscaped(StringBuilder html, string text, int from, int to, ref bool pendingSpace)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            FlushSpace(html, ref pendingSpace);
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
    }
}
