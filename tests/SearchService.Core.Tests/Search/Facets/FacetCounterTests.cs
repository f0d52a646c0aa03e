using System.Collections;
using System.Globalization;
using SearchService.Core.Catalog;
using SearchService.Core.Documents;
using SearchService.Core.Search.Facets;

namespace SearchService.Core.Tests.Search.Facets;

public sealed class FacetCounterTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private static readonly string[] FacetFields =
        [ConclusionFields.Locality, ConclusionFields.Province, ConclusionFields.Level, ConclusionFields.Type, ConclusionFields.Code, ConclusionFields.Year];

    [Fact]
    public void Counts_over_every_live_document_equal_a_brute_force_count_of_the_records()
    {
        var index = fixture.Index;
        Assert.True(index.Snapshot.Segments.Count > 1, "the test index should span several segments");
        var all = MatchSets.AllLive(index.Snapshot);
        foreach (var field in FacetFields)
        {
            var result = FacetCounter.Count(index.Snapshot, all, new FacetRequest(field, TopN: 1000));
            AssertEqualsBruteForce(index.Records, field, result);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Counts_over_a_random_match_set_equal_a_brute_force_count_of_the_matching_records(int seed)
    {
        var index = fixture.Index;
        var random = new Random(seed);
        var matches = new List<BitArray>();
        var matchingRecords = new List<ConclusionDocument>();
        foreach (var segment in index.Snapshot.Segments)
        {
            var bits = new BitArray(segment.MaxDoc);
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (!segment.IsDeleted(doc) && random.Next(2) == 0)
                {
                    bits[doc] = true;
                    var id = segment.KeywordValues(ConclusionFields.Id, doc)[0];
                    matchingRecords.Add(index.Records.Single(r => r.Id == id));
                }
            }

            matches.Add(bits);
        }

        foreach (var result in FacetCounter.Count(index.Snapshot, matches, FacetFields.Select(f => new FacetRequest(f, 1000))))
        {
            AssertEqualsBruteForce(matchingRecords, result.Field, result);
        }
    }

    [Fact]
    public void Values_are_ordered_by_count_then_value_and_cut_at_top_n()
    {
        var index = fixture.Index;
        var full = FacetCounter.Count(index.Snapshot, MatchSets.AllLive(index.Snapshot), new FacetRequest(ConclusionFields.Province, 1000));
        var top3 = FacetCounter.Count(index.Snapshot, MatchSets.AllLive(index.Snapshot), new FacetRequest(ConclusionFields.Province, 3));

        var expectedOrder = full.Values.OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();
        Assert.Equal(expectedOrder, full.Values);
        Assert.Equal(full.Values.Take(3), top3.Values);
        Assert.Equal(full.DistinctValueCount, top3.DistinctValueCount);
        Assert.True(full.Values[0].Count > 1, "two samples share a province, so the first count should exceed 1");
    }

    [Fact]
    public void Values_of_a_deleted_document_are_not_counted()
    {
        var index = fixture.Index;
        var all = MatchSets.AllLive(index.Snapshot);
        var localities = FacetCounter.Count(index.Snapshot, all, new FacetRequest(ConclusionFields.Locality, 1000));

        Assert.DoesNotContain(localities.Values, v => v.Value == "Deleted Town");
        Assert.Equal(index.Records.Count, MatchSets.Cardinality(all));
    }

    [Fact]
    public void A_text_field_is_refused()
    {
        var index = fixture.Index;
        Assert.Throws<ArgumentException>(() => FacetCounter.Count(index.Snapshot, MatchSets.AllLive(index.Snapshot), new FacetRequest(ConclusionFields.Body)));
    }

    [SeedFact]
    public void Counts_over_samples_and_seeds_equal_a_brute_force_count_of_the_records()
    {
        using var index = TestIndex.OfSamplesAndSeeds();
        var all = MatchSets.AllLive(index.Snapshot);
        foreach (var field in FacetFields)
        {
            AssertEqualsBruteForce(index.Records, field, FacetCounter.Count(index.Snapshot, all, new FacetRequest(field, 1000)));
        }
    }

    /// <summary>The values a record contributes to <paramref name="field"/>, as the index stores them.</summary>
    internal static IEnumerable<string> ValuesOf(ConclusionDocument record, string field) => field switch
    {
        ConclusionFields.Locality => record.Locality is { Length: > 0 } l ? [l] : [],
        ConclusionFields.Province => record.Province is { Length: > 0 } p ? [p] : [],
        ConclusionFields.Level => record.Level is { } level ? [ConclusionIndexDocument.EnumValue(level)] : [],
        ConclusionFields.Type => [ConclusionIndexDocument.EnumValue(record.Type)],
        ConclusionFields.Code => record.References.Select(r => r.Code).OfType<string>().Distinct(StringComparer.Ordinal),
        ConclusionFields.Year => record.Date is { } date ? [date.Year.ToString(CultureInfo.InvariantCulture)] : [],
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static void AssertEqualsBruteForce(IReadOnlyList<ConclusionDocument> records, string field, FacetResult result)
    {
        var expected = records.SelectMany(r => ValuesOf(r, field)).GroupBy(v => v, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), result.Values.ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(records.Count(r => ValuesOf(r, field).Any()), result.DocumentsWithValue);
        Assert.NotEmpty(result.Values);
    }
}
