using SearchService.Core.Analysis;
using SearchService.Core.Catalog.Suggest;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Catalog.Suggest;

public sealed class SeedSuggesterTests
{
    [SeedFact]
    public void Every_locality_and_code_of_the_seeds_is_suggested_for_its_accentless_lowercase_prefix()
    {
        using var index = TestIndex.OfSamplesAndSeeds();
        var suggester = Suggester.Build(index.Snapshot);
        var wanted = index.Records.Select(r => r.Locality).Concat(index.Records.SelectMany(r => r.References.Select(x => x.Code))).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(wanted);

        foreach (var value in wanted)
        {
            var folded = VietnameseAlphabet.FoldString(value);
            var prefix = folded[..Math.Max(1, folded.Length - 1)];
            Assert.Contains(suggester.Suggest(prefix, limit: 1000), s => s.Text == value || FoldedKey.Words(s.Text) == FoldedKey.Words(value));
        }
    }
}
