using System.Collections;
using CsCheck;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;
using SearchService.Core.Search.Facets;
using SearchService.Core.Tests.Search;

namespace SearchService.Core.Tests.Catalog.Answering;

/// <summary>
/// Facets counted in the ranking pass equal the counts of the two-pass way (the query re-run
/// without filters, one match set per filter, intersected per dimension), and counting them
/// changes neither the hits nor their scores.
/// </summary>
public sealed class OnePassFacetTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private const int FacetSize = 1000;

    private static readonly string[] Queries = ["", "nông thôn", "xyzzyq nông thôn", "chuyển đổi số", "kinh tế xã hội", "đảng bộ", "tỉnh ủy", "cải cách hành chính", "\"nông thôn mới\"", "thu*"];

    [Fact]
    public void One_pass_counts_equal_the_two_pass_counts_for_random_filter_combinations()
    {
        var snapshot = fixture.Index.Snapshot;
        var searcher = fixture.Index.Searcher;
        var years = Values(snapshot, ConclusionFields.Year).Select(y => int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)).Append(1999).Select(y => (int?)y).ToArray();
        var dates = fixture.Index.Records.Where(r => r.Date is not null).Select(r => r.Date!.Value).Distinct().Order().ToArray();
        Gen<string?> Pick(IEnumerable<string> values) =>
            Gen.Frequency((3, Gen.Const((string?)null)), (3, Gen.OneOf<string?>([.. values, "Nowhere"])));
        Gen<DateOnly?> Day() => Gen.Frequency((4, Gen.Const((DateOnly?)null)), (1, Gen.OneOf([.. dates.Select(d => (DateOnly?)d)])));

        var requests =
            from query in Gen.OneOf(Queries)
            from locality in Pick(Values(snapshot, ConclusionFields.Locality))
            from province in Pick(Values(snapshot, ConclusionFields.Province).Concat(Values(snapshot, ConclusionFields.CurrentProvince)))
            from history in Gen.Bool
            from level in Pick(Values(snapshot, ConclusionFields.Level))
            from type in Pick(Values(snapshot, ConclusionFields.Type))
            from code in Pick(Values(snapshot, ConclusionFields.Code))
            from year in Gen.Frequency((3, Gen.Const((int?)null)), (2, Gen.OneOf(years)))
            from since in Day()
            from until in Day()
            from byDate in Gen.Bool
            from size in Gen.Int[1, 12]
            select new SearchRequest
            {
                Query = query,
                Lenient = true,
                Locality = locality,
                Province = province,
                History = history,
                Level = level,
                Type = type,
                Code = code,
                Year = year,
                From = since,
                To = until,
                Sort = byDate ? SearchSort.Date : SearchSort.Relevance,
                Size = size,
                TotalHitsThreshold = int.MaxValue,
            };

        requests.Sample(request =>
        {
            var answer = new ConclusionSearchAnswerer().Answer(searcher, request, new SearchAnswerOptions { Snippets = false, FacetSize = FacetSize });
            var (hits, expected) = TwoPass(searcher, request, answer.Result.MatchStrategy);

            Assert.Equal(MatchSets.Cardinality(hits), answer.Result.Total);
            Assert.True(answer.Result.TotalIsExact);
            Assert.Equal(expected.Count, answer.Facets.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Field, answer.Facets[i].Field);
                Assert.Equal(expected[i].Values, answer.Facets[i].Values);
                Assert.Equal(expected[i].DistinctValueCount, answer.Facets[i].DistinctValueCount);
                Assert.Equal(expected[i].DocumentsWithValue, answer.Facets[i].DocumentsWithValue);
            }

            // The same page, scores and cursor as a search that counts nothing.
            var plain = searcher.Search(request);
            Assert.Equal(plain.Hits.Select(h => (h.Id, h.Score)), answer.Result.Hits.Select(h => (h.Id, h.Score)));
            Assert.Equal(plain.NextCursor, answer.Result.NextCursor);
        }, iter: 400);
    }

    [Fact]
    public void A_next_page_with_facets_from_the_cache_continues_where_the_counting_page_stopped()
    {
        var searcher = fixture.Index.Searcher;
        var answerer = new ConclusionSearchAnswerer(new FacetCache(8));
        var request = new SearchRequest { Query = "", Province = "Bắc Ninh", Sort = SearchSort.Relevance, Size = 2 };

        var first = answerer.Answer(searcher, request);
        var second = answerer.Answer(searcher, request with { Cursor = first.Result.NextCursor });
        var whole = searcher.Search(request with { Size = 4 });

        Assert.Same(first.Facets, second.Facets); // counted once, then taken from the cache
        Assert.Equal(whole.Hits.Select(h => h.Id), first.Result.Hits.Concat(second.Result.Hits).Select(h => h.Id));
    }

    // The way facets were counted before they joined the ranking pass: the query without
    // filters, one match set per filter, and DrillSideways over them.
    private static (IReadOnlyList<BitArray> Hits, IReadOnlyList<FacetResult> Facets) TwoPass(IndexSearcher searcher, SearchRequest request, MatchStrategy strategy)
    {
        var unfiltered = searcher.BuildQuery(new SearchRequest { Query = request.Query, Lenient = request.Lenient }, strategy);
        var filters = new Dictionary<string, IReadOnlyList<BitArray>>(StringComparer.Ordinal);
        void Filter(string field, SearchRequest only) => filters[field] = searcher.MatchingDocuments(only);
        if (!string.IsNullOrWhiteSpace(request.Locality))
        {
            Filter(ConclusionFields.Locality, new SearchRequest { Locality = request.Locality });
        }

        if (!string.IsNullOrWhiteSpace(request.Province))
        {
            Filter(request.History ? ConclusionFields.CurrentProvince : ConclusionFields.Province, new SearchRequest { Province = request.Province, History = request.History });
        }

        if (!string.IsNullOrWhiteSpace(request.Level))
        {
            Filter(ConclusionFields.Level, new SearchRequest { Level = request.Level });
        }

        if (!string.IsNullOrWhiteSpace(request.Type))
        {
            Filter(ConclusionFields.Type, new SearchRequest { Type = request.Type });
        }

        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            Filter(ConclusionFields.Code, new SearchRequest { Code = request.Code });
        }

        if (request.From is not null || request.To is not null || request.Year is not null)
        {
            Filter(ConclusionFields.Year, new SearchRequest { From = request.From, To = request.To, Year = request.Year });
        }

        var result = DrillSideways.Count(searcher.Snapshot, searcher.MatchingDocuments(unfiltered), filters, ConclusionSearchAnswerer.FacetFields.Select(f => new FacetRequest(f, FacetSize)));
        return (result.Hits, result.Facets);
    }

    private static IEnumerable<string> Values(SearchService.Core.Index.Reader.IndexSnapshot snapshot, string field) =>
        FacetCounter.Count(snapshot, MatchSets.AllLive(snapshot), new FacetRequest(field, FacetSize)).Values.Select(v => v.Value);
}
