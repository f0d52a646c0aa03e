using SearchService.Core.Analysis;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Search.Highlighting;

namespace SearchService.Core.Tests.Search.Highlighting;

public sealed class HighlightOffsetPropertyTests
{
    public static TheoryData<string> Samples() =>
        [.. TestCorpus.SampleFiles()
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_mark_of_random_terms_of_a_sample_covers_a_token_with_one_of_those_terms(string sample)
    {
        AssertMarksCoverTheirTerms(SampleBody(sample), new Random(sample.Length));
    }

    [SeedFact]
    public void Every_mark_of_random_terms_of_a_seed_covers_a_token_with_one_of_those_terms()
    {
        foreach (var body in SeedBodies())
        {
            AssertMarksCoverTheirTerms(body, new Random(7));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_term_of_a_sample_marks_what_analysing_the_whole_sample_marks(string sample)
    {
        AssertSameMarksAsWholeText(new Highlighter(VietnameseHighlightAnalysis.Indexing), SampleBody(sample), new Random(sample.Length));
    }

    [SeedFact]
    public void Every_term_of_a_seed_marks_what_analysing_the_whole_seed_marks()
    {
        foreach (var body in SeedBodies())
        {
            AssertSameMarksAsWholeText(new Highlighter(VietnameseHighlightAnalysis.Indexing), body, new Random(11));
        }
    }

    private static string SampleBody(string sample) => new ConclusionExtractor().ExtractFile(TestCorpus.Sample(sample)).Body;

    private static IEnumerable<string> SeedBodies()
    {
        var extractor = new ConclusionExtractor();
        return Directory.EnumerateFiles(TestCorpus.SeedDirectory!).Order(StringComparer.Ordinal).Select(path => extractor.ExtractFile(path).Body);
    }

    /// <summary>
    /// Picks a few terms of every kind the text was indexed with; each merged mark must consist of
    /// tokens with those terms (brute force: the tokens whose offsets lie inside it), and every token
    /// with one of those terms must lie inside a mark.
    /// </summary>
    private static void AssertMarksCoverTheirTerms(string text, Random random)
    {
        var tokens = VietnameseAnalyzer.Indexing.Analyze(text);
        var terms = Enumerable.Range(0, 6).Select(_ => tokens[random.Next(tokens.Count)].Term).ToHashSet(StringComparer.Ordinal);

        var spans = new Highlighter(VietnameseHighlightAnalysis.Indexing).FindMatches(text, terms);

        var matching = tokens.Where(t => terms.Contains(t.Term)).ToList();
        Assert.NotEmpty(spans);
        Assert.All(matching, t => Assert.Contains(spans, s => s.Start <= t.StartOffset && t.EndOffset <= s.End));
        foreach (var span in spans)
        {
            Assert.Contains(matching, t => t.StartOffset == span.Start);
            Assert.Contains(matching, t => t.EndOffset == span.End);
        }

        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i - 1].End <= spans[i].Start, "marks overlap");
        }
    }

    /// <summary>For every term of <paramref name="text"/> alone, and for random sets of them, the marks equal the whole-text analysis's.</summary>
    private static void AssertSameMarksAsWholeText(Highlighter highlighter, string text, Random random)
    {
        var terms = VietnameseAnalyzer.Indexing.Analyze(text).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(terms);
        foreach (var term in terms)
        {
            Assert.True(
                highlighter.FindMatches(text, [term]).SequenceEqual(highlighter.FindMatches(text, [term], wholeText: true)),
                $"marks of '{term}' differ from the whole-text analysis");
        }

        for (var round = 0; round < 50; round++)
        {
            var set = Enumerable.Range(0, random.Next(1, 8)).Select(_ => terms[random.Next(terms.Count)]).ToList();
            Assert.Equal(highlighter.FindMatches(text, set, wholeText: true), highlighter.FindMatches(text, set));
        }
    }
}
