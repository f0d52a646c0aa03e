using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Suggest;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Catalog.Suggest;

public sealed class SuggesterTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private Suggester Suggester { get; } = Suggester.Build(fixture.Index.Snapshot);

    [Theory]
    [InlineData("tu s")]
    [InlineData("Tu So")]
    [InlineData("từ s")]
    [InlineData("TỪ SƠN")]
    public void An_accentless_or_accented_prefix_completes_a_locality(string prefix)
    {
        var first = Suggester.Suggest(prefix)[0];

        Assert.Equal(new Suggestion("Từ Sơn", SuggestionSource.Locality, 1), first);
    }

    [Theory]
    [InlineData("hoa b")]
    [InlineData("hoà b")]
    [InlineData("hòa b")]
    public void Both_tone_mark_styles_complete_the_same_place(string prefix)
    {
        var suggestions = Suggester.Suggest(prefix);

        Assert.Contains(suggestions, s => s.Text == "Hòa Bình");
    }

    [Fact]
    public void A_lowercase_code_prefix_completes_the_cited_code_counted_by_documents()
    {
        var citing = fixture.Index.Records.Count(r => r.References.Any(x => x.Code == "18-NQ/TU"));

        var suggestion = Assert.Single(Suggester.Suggest("18-nq"));

        Assert.Equal(new Suggestion("18-NQ/TU", SuggestionSource.Code, citing), suggestion);
        Assert.True(citing >= 2, "two samples cite 18-NQ/TU");
    }

    [Fact]
    public void An_accentless_prefix_completes_a_title_phrase_in_its_accented_spelling()
    {
        var withPhrase = fixture.Index.Records.Count(r => r.Title?.Contains("giải pháp", StringComparison.OrdinalIgnoreCase) == true);

        var suggestion = Assert.Single(Suggester.Suggest("giai ph"), s => s.Source == SuggestionSource.Title);

        Assert.Equal("giải pháp", suggestion.Text);
        Assert.Equal(withPhrase, suggestion.DocFreq);
    }

    [Fact]
    public void A_longer_prefix_completes_a_title_phrase_chained_from_its_pairs()
    {
        var suggestions = Suggester.Suggest("thuc hien nhiem v");

        Assert.Contains(suggestions, s => s.Text == "thực hiện nhiệm vụ" && s.Source == SuggestionSource.Title);
        Assert.Empty(Suggester.Suggest("thuc nhiem hien v"));
    }

    [Fact]
    public void Suggestions_are_ranked_by_document_frequency_limited_and_without_duplicates()
    {
        var suggestions = Suggester.Suggest("b", limit: 4);

        Assert.Equal(4, suggestions.Count);
        Assert.Equal(suggestions.OrderByDescending(s => s.DocFreq), suggestions);
        Assert.Equal(suggestions.Count, suggestions.Select(s => FoldedKey.Words(s.Text)).Distinct().Count());

        // "Bắc Ninh" is both a locality and a province: one suggestion.
        Assert.Single(Suggester.Suggest("bac ninh"), s => s.Text == "Bắc Ninh");
    }

    [Fact]
    public void Values_of_deleted_documents_are_not_suggested()
    {
        Assert.Empty(Suggester.Suggest("deleted"));
    }

    [Fact]
    public void A_suggester_rebuilt_after_a_reopen_sees_added_and_deleted_documents()
    {
        using var index = TestIndex.OfSamples();
        var before = Suggester.Build(index.Snapshot);
        var tuSon = index.Records.Single(r => r.Locality == "Từ Sơn");
        var bacNinh = before.Suggest("bac ninh").Single();

        var snapshot = index.Change(writer =>
        {
            writer.AddDocument(ConclusionIndexDocument.From(tuSon with { Id = "copy", Locality = "Tân Uyên", Province = "Bình Dương" }));
            writer.DeleteDocument(tuSon.Id);
        });
        var after = Suggester.Build(snapshot);

        Assert.Contains(after.Suggest("tan u"), s => s.Text == "Tân Uyên");
        Assert.DoesNotContain(after.Suggest("tu s"), s => s.Text == "Từ Sơn");
        Assert.Equal(bacNinh.DocFreq - 1, after.Suggest("bac ninh").Single().DocFreq); // Từ Sơn was the Bắc Ninh province's
        Assert.Equal(before.Suggest("giai ph").Single().DocFreq, after.Suggest("giai ph").Single().DocFreq); // the copy has the same title
        Assert.Contains(before.Suggest("tu s"), s => s.Text == "Từ Sơn"); // the old suggester still shows its snapshot
    }
}
