using System.Text.RegularExpressions;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>The analyzer on the real conclusion documents of <c>../shared/corpus/seeds</c>.</summary>
public sealed partial class SeedDocumentTests
{
    [SeedFact]
    public void Seeds_are_there_to_read()
    {
        Assert.NotEmpty(TestCorpus.SeedDocuments());
    }

    [SeedFact]
    public void Every_token_of_the_seeds_points_at_its_own_text()
    {
        foreach (var (name, text) in TestCorpus.SeedDocuments())
        {
            var tokens = Tokens(text);
            Assert.NotEmpty(tokens);
            foreach (var token in tokens)
            {
                if (token.StartOffset < 0 || token.StartOffset >= token.EndOffset || token.EndOffset > text.Length)
                {
                    Assert.Fail($"{name}: {token} lies outside the text");
                }

                if (token.Type == TokenType.Syllable && ExpectedTerm(Slice(text, token), token.Type) != token.Term)
                {
                    Assert.Fail($"{name}: {token} covers '{Slice(text, token)}'");
                }
            }
        }
    }

    [SeedFact]
    public void Codes_cited_in_the_seeds_are_Code_tokens()
    {
        var checkedCodes = 0;
        foreach (var (name, text) in TestCorpus.SeedDocuments())
        {
            var codes = Tokens(text).Where(t => t.Type == TokenType.Code).Select(t => t.Term).ToHashSet();
            foreach (Match match in CitedCode().Matches(text))
            {
                Assert.True(codes.Contains(match.Value.ToLowerInvariant()), $"{name}: {match.Value} is not a Code token");
                checkedCodes++;
            }
        }

        Assert.True(checkedCodes > 0, "no code like 18-NQ/TU found in the seeds");
    }

    [SeedFact]
    public void Seeds_spell_out_phrases_that_get_abbreviation_synonyms()
    {
        var synonyms = TestCorpus.SeedDocuments()
            .SelectMany(d => Tokens(d.Text))
            .Where(t => t.Type == TokenType.Synonym)
            .Select(t => t.Term)
            .ToHashSet();

        Assert.NotEmpty(synonyms);
        Assert.Contains("ubnd", synonyms);
    }

    /// <summary>"18-NQ/TU" and the like, not glued to other letters, digits or code separators.</summary>
    [GeneratedRegex(@"(?<![\w/-])\d+-[A-Z]+/[A-Z]+(?![\w/-])")]
    private static partial Regex CitedCode();
}
