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

    private readonly Dictionary<string, string[]> _phraseStarts;

    /// <summary>Highlights for fields indexed with <paramref name="analyzer"/>.</summary>
    public VietnameseHighlightAnalysis(VietnameseAnalyzer analyzer)
    {
        Analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _phraseStarts = analyzer.Options.Synonyms
            ? AdministrativeAbbreviations.Entries
                .GroupBy(e => VietnameseAlphabet.FoldString(e.Abbreviation), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => VietnameseAlphabet.FoldString(e.Phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal)
            : [];
        Reach = analyzer.Options.Synonyms ? (SynonymPhraseTrie.Default.MaxDepth * 12) + 32 : 64;
    }

    /// <summary>For fields indexed with <see cref="VietnameseAnalyzer.Indexing"/>.</summary>
    public static VietnameseHighlightAnalysis Indexing { get; } = new(VietnameseAnalyzer.Indexing);

    /// <summary>The chain the field was indexed with.</summary>
    public VietnameseAnalyzer Analyzer { get; }

    /// <inheritdoc />
    public override int Reach { get; }

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
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                // Dropped by the normalizer: markdown emphasis, zero-width chars, the soft hyphen.
                case '*' or '_' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    continue;
                case '\u00D0' or '\u0189' or '\u00F0' or '\u0256':
                    c = 'd';
                    break;
                case >= '\u0300' and <= '\u036F':
                    return -1; // decomposed accents: the normalizer composes them, offsets shift
                default:
                    if (c >= '\u0370' && c < '\u1E00' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                    {
                        return -1;
                    }

                    c = VietnameseAlphabet.FoldChar(char.ToLowerInvariant(c));
                    break;
            }

            folded[n] = c;
            offsets[n] = i;
            n++;
        }

        return n;
    }

    /// <inheritdoc />
    public override bool TryAddAnchors(string term, ISet<string> anchors)
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
        anchors.Add(anchor);
        if (_phraseStarts.TryGetValue(anchor, out var starts))
        {
            foreach (var start in starts)
            {
                anchors.Add(start);
            }
        }

        return true;
    }
}
