using System.Collections;
using SearchService.Core.Catalog;
using SearchService.Core.Documents;
using SearchService.Core.Search.Facets;

namespace SearchService.Core.Tests.Search.Facets;

public sealed class DrillSidewaysTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    [Fact]
    public void A_filtered_facet_counts_without_its_own_filter_and_the_others_count_with_every_filter()
    {
        var index = fixture.Index;
        var snapshot = index.Snapshot;
        var filters = new Dictionary<string, IReadOnlyList<BitArray>>
        {
            [ConclusionFields.Province] = MatchSets.WithKeyword(snapshot, ConclusionFields.Province, ["Bắc Ninh", "Bắc Giang"]),
            [ConclusionFields.Year] = MatchSets.WithNumberBetween(snapshot, ConclusionFields.Year, 2024, 2024),
        };
        var requests = new[] { ConclusionFields.Province, ConclusionFields.Year, ConclusionFields.Locality }.Select(f => new FacetRequest(f, 100));

        var result = DrillSideways.Count(snapshot, MatchSets.AllLive(snapshot), filters, requests);

        bool InProvinces(ConclusionDocument r) => r.Province is "Bắc Ninh" or "Bắc Giang";
        bool In2024(ConclusionDocument r) => r.Date?.Year == 2024;
        var province = result.Facets.Single(f => f.Field == ConclusionFields.Province);
        var year = result.Facets.Single(f => f.Field == ConclusionFields.Year);
        var locality = result.Facets.Single(f => f.Field == ConclusionFields.Locality);

        // Province ignores the province filter: other provinces of 2024 are offered.
        AssertCounts(index.Records.Where(In2024), ConclusionFields.Province, province);
        Assert.Contains(province.Values, v => v.Value is not ("Bắc Ninh" or "Bắc Giang"));

        // Year ignores the year filter; locality applies both.
        AssertCounts(index.Records.Where(InProvinces), ConclusionFields.Year, year);
        AssertCounts(index.Records.Where(r => InProvinces(r) && In2024(r)), ConclusionFields.Locality, locality);
        Assert.Equal(index.Records.Count(r => InProvinces(r) && In2024(r)), MatchSets.Cardinality(result.Hits));
        Assert.Equal(2, locality.Values.Count); // Bắc Giang and Tân Yên (2024); Từ Sơn and Bắc Ninh are 2023
    }

    [Fact]
    public void Without_filters_drill_sideways_counts_equal_plain_counts()
    {
        var snapshot = fixture.Index.Snapshot;
        var all = MatchSets.AllLive(snapshot);
        var request = new FacetRequest(ConclusionFields.Type);

        var result = DrillSideways.Count(snapshot, all, new Dictionary<string, IReadOnlyList<BitArray>>(), [request]);

        Assert.Equal(FacetCounter.Count(snapshot, all, request).Values, result.Facets[0].Values);
    }

    private static void AssertCounts(IEnumerable<ConclusionDocument> records, string field, FacetResult result)
    {
        var expected = records.SelectMany(r => FacetCounterTests.ValuesOf(r, field)).GroupBy(v => v, StringComparer.Ordinal)
            .Select(g => new FacetValue(g.Key, g.Count()))
            .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal);
        Assert.Equal(expected, result.Values);
    }
}
