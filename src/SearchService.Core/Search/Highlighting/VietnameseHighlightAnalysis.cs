using System.Globalization;
using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Highlighting;

/// <summary>
/// <see cref="HighlightAnalysis"/> for a field indexed with a <see cref="VietnameseAnalyzer"/>: a
/// token starts with its term's first syllable folded ("nông", "nong", "nông_thôn" and "nong_thon"
/// all start where the view reads "nong"; "18-nq/tu" where it reads "18-nq/tu"), except an
/// abbreviation stacked on a spelled-out phrase ("ubnd" on "Ủy ban nhân dân"), which starts
/// where the phrase's first syllable does.
/// </summary>
public sealed class VietnameseHighlightAnalysis : HighlightAnalysis
{
    [ThreadStatic]
    private static Dictionary<VietnameseAnalyzerOptions, AnalysisPipeline>? t_pipelines;

    /// <summary>In the view table: a char the normalizer drops.</summary>
    private const char Dropped = '\uFFFF';

    /// <summary>In the view table: a combining mark the normalizer composes with the char before.</summary>
    private const char Composing = '\uFFFE';

    /// <summary>The view of every char below U+2100 (Latin, Vietnamese, punctuation), computed once: one lookup a char.</summary>
    private static readonly Lazy<char[]> ViewTable = new(() =>
    {
        var table = new char[0x2100];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = ViewOf((char)c);
        }

        return table;
    });

    private readonly Dictionary<string, string[]> _phraseStarts;
    private readonly int _phraseReach;

    /// <summary>Highlights for fields indexed with <paramref name="analyzer"/>.</summary>
    public VietnameseHighlightAnalysis(VietnameseAnalyzer analyzer)
    {
        Analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _phraseStarts = analyzer.Options.Synonyms
            ? AdministrativeAbbreviations.Entries
                .GroupBy(e => VietnameseAlphabet.FoldString(e.Abbreviation), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => VietnameseAlphabet.FoldString(e.Phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal)
            : [];
        _phraseReach = SynonymPhraseTrie.Default.MaxDepth;
    }

    /// <summary>For fields indexed with <see cref="VietnameseAnalyzer.Indexing"/>.</summary>
    public static VietnameseHighlightAnalysis Indexing { get; } = new(VietnameseAnalyzer.Indexing);

    /// <summary>The chain the field was indexed with.</summary>
    public VietnameseAnalyzer Analyzer { get; }

    /// <inheritdoc />
    public override TokenStream Tokens(ReadOnlySpan<char> text)
    {
        t_pipelines ??= [];
        if (!t_pipelines.TryGetValue(Analyzer.Options, out var pipeline))
        {
            pipeline = Analyzer.CreatePipeline();
            t_pipelines[Analyzer.Options] = pipeline;
        }

        return pipeline.Reset(text);
    }

    /// <inheritdoc />
    public override int FoldedView(ReadOnlySpan<char> text, Span<char> folded, Span<int> offsets)
    {
        var table = ViewTable.Value;
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var v = c < table.Length ? table[c] : ViewOf(c);
            if (v == Dropped)
            {
                continue;
            }

            if (v == Composing)
            {
                return -1; // decomposed accents: the normalizer composes them, so offsets shift
            }

            folded[n] = v;
            offsets[n] = i;
            n++;
        }

        return n;
    }

    /// <inheritdoc />
    public override bool TryAddAnchors(string term, IDictionary<string, int> anchors)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(anchors);
        var first = term.AsSpan();
        var joiner = first.IndexOfAny(SyllablePairFilter.Joiner, SyllablePairFilter.BrokenJoiner);
        if (joiner >= 0)
        {
            first = first[..joiner];
        }

        if (first.IsEmpty)
        {
            return false;
        }

        var anchor = VietnameseAlphabet.FoldString(first.ToString());
        Add(anchors, anchor, joiner >= 0 ? 1 : 0);
        if (_phraseStarts.TryGetValue(anchor, out var starts))
        {
            foreach (var start in starts)
            {
                Add(anchors, start, _phraseReach);
            }
        }

        return true;
    }

    /// <summary>How the view shows <paramref name="c"/>: as the normalizer and the lowercase and folding filters see it.</summary>
    private static char ViewOf(char c) => c switch
    {
        // Markdown emphasis, zero-width chars and the soft hyphen are not part of any word.
        '*' or '_' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => Dropped,
        '\u00D0' or '\u0189' or '\u00F0' or '\u0256' => 'd', // the look-alikes of Đ
        >= '\u0300' and <= '\u036F' => Composing,
        _ when c >= '\u0370' && !char.IsSurrogate(c) && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark => Composing,
        _ => VietnameseAlphabet.FoldChar(char.ToLowerInvariant(c)),
    };

    private static void Add(IDictionary<string, int> anchors, string anchor, int reach) =>
        anchors[anchor] = anchors.TryGetValue(anchor, out var known) ? Math.Max(known, reach) : reach;
}
