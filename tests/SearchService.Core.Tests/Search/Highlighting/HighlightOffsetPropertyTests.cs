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
        var body = new ConclusionExtractor().ExtractFile(TestCorpus.Sample(sample)).Body;
        AssertMarksCoverTheirTerms(body, new Random(sample.Length));
    }

    [SeedFact]
    public void Every_mark_of_random_terms_of_a_seed_covers_a_token_with_one_of_those_terms()
    {
        var extractor = new ConclusionExtractor();
        foreach (var path in Directory.EnumerateFiles(TestCorpus.SeedDirectory!).Order(StringComparer.Ordinal))
        {
            AssertMarksCoverTheirTerms(extractor.ExtractFile(path).Body, new Random(7));
        }
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
}
