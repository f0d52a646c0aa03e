using SearchService.Core.Analysis;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Search.Highlighting;

namespace SearchService.Core.Tests.Search.Highlighting;

/// <summary>
/// The highlighter analyses only the text around the places where a query's terms can start; these
/// tests hold it to the marks a whole-text analysis gives, for every term a text was indexed with.
/// </summary>
public sealed class AnchoredHighlightTests
{
    private readonly Highlighter _highlighter = new(VietnameseHighlightAnalysis.Indexing);

    public static TheoryData<string> Samples() =>
        [.. TestCorpus.SampleFiles()
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_term_of_a_sample_marks_what_analysing_the_whole_sample_marks(string sample)
    {
        var body = new ConclusionExtractor().ExtractFile(TestCorpus.Sample(sample)).Body;
        AssertSameMarksAsWholeText(body, new Random(sample.Length));
    }

    [SeedFact]
    public void Every_term_of_a_seed_marks_what_analysing_the_whole_seed_marks()
    {
        var extractor = new ConclusionExtractor();
        foreach (var path in Directory.EnumerateFiles(TestCorpus.SeedDirectory!).Order(StringComparer.Ordinal))
        {
            AssertSameMarksAsWholeText(extractor.ExtractFile(path).Body, new Random(11));
        }
    }

    [Fact]
    public void Text_the_folded_view_cannot_follow_is_analysed_whole()
    {
        // "nông thôn" typed with combining accents (NFD): the normalizer composes it, shifting offsets.
        var text = "Xây dựng " + "nông thôn".Normalize(System.Text.NormalizationForm.FormD) + " mới.";

        var marked = _highlighter.FindMatches(text, ["nông_thôn"]).Select(s => text[s.Start..s.End]).ToList();

        Assert.Equal(["nông thôn".Normalize(System.Text.NormalizationForm.FormD)], marked);
    }

    [Fact]
    public void Markdown_emphasis_and_invisible_characters_inside_words_do_not_hide_a_match()
    {
        var text = "Kết luận về **giải phóng** mặt bằng và Ủy\u00A0ban nhân dân; UB\u200BND huyện.";

        var cheap = _highlighter.FindMatches(text, ["gpmb", "ubnd", "giai"]);

        Assert.Equal(_highlighter.FindMatches(text, ["gpmb", "ubnd", "giai"], wholeText: true), cheap);
        Assert.Equal(3, cheap.Count);
    }

    private void AssertSameMarksAsWholeText(string text, Random random)
    {
        var terms = VietnameseAnalyzer.Indexing.Analyze(text).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(terms);
        foreach (var term in terms)
        {
            Assert.True(
                _highlighter.FindMatches(text, [term]).SequenceEqual(_highlighter.FindMatches(text, [term], wholeText: true)),
                $"marks of '{term}' differ from the whole-text analysis");
        }

        for (var round = 0; round < 50; round++)
        {
            var set = Enumerable.Range(0, random.Next(1, 8)).Select(_ => terms[random.Next(terms.Count)]).ToList();
            Assert.Equal(_highlighter.FindMatches(text, set, wholeText: true), _highlighter.FindMatches(text, set));
        }
    }
}
