using System.Text.RegularExpressions;
using SearchService.Core.Analysis;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Catalog.Answering;

/// <summary>The snippets of an answer mark the words of the query as a reader typed it (without accents, as a phrase, as a document code) and their abbreviation, nothing else.</summary>
public sealed class AnswerSnippetTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private readonly ConclusionSearchAnswerer _answerer = new();

    [Theory]
    [InlineData("nong thon moi", "nong thon moi ntm")]
    [InlineData("\"nông thôn mới\"", "nong thon moi ntm")]
    [InlineData("giai phong mat bang", "giai phong mat bang gpmb")]
    public void Snippets_mark_the_words_of_the_query_whatever_their_accents_and_nothing_else(string query, string folded)
    {
        var answer = _answerer.Answer(ConclusionSearcher.Open(fixture.Index.Snapshot), new SearchRequest { Query = query, Lenient = true }, new SearchAnswerOptions { Facets = false });

        Assert.NotEmpty(answer.Result.Hits);
        var words = folded.Split(' ');
        var marked = answer.Snippets.SelectMany(s => s).SelectMany(s => Regex.Matches(s, "<mark>(.*?)</mark>").Select(m => VietnameseAlphabet.FoldString(m.Groups[1].Value))).ToList();
        Assert.True(marked.Count >= answer.Result.Hits.Count, $"{marked.Count} marks for {answer.Result.Hits.Count} hits");
        Assert.All(marked, m => Assert.True(m.Split(' ').All(words.Contains), $"'{m}' is not one of the query's words"));
    }

    [Fact]
    public void A_code_is_marked_whole_as_the_document_writes_it()
    {
        var answer = _answerer.Answer(ConclusionSearcher.Open(fixture.Index.Snapshot), new SearchRequest { Query = "18-NQ/TU", Lenient = true }, new SearchAnswerOptions { Facets = false });

        Assert.NotEmpty(answer.Result.Hits);
        var marked = answer.Snippets.SelectMany(s => s).SelectMany(s => Regex.Matches(s, "<mark>(.*?)</mark>").Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Equal("18-NQ/TU", m));
    }
}
