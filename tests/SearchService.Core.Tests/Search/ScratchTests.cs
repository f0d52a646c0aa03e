using SearchService.Core.Search;
using Xunit.Abstractions;

namespace SearchService.Core.Tests.Search;

public sealed class ScratchTests(SampleIndex index, ITestOutputHelper output) : IClassFixture<SampleIndex>
{
    [Fact]
    public void Print()
    {
        output.WriteLine($"segments {index.Snapshot.Segments.Count} docs {index.Snapshot.MaxDoc}");
        foreach (var q in new[] { "nong thon moi", "nông thôn mới", "Thành uỷ", "thành ủy", "giải phóng mặt bằng", "GPMB", "UBND", "ủy ban nhân dân", "18-NQ/TU", "18-nq/tu", "NQ 18", "nghị quyết 18", "\"giải phóng mặt bằng\"", "giai phong~", "chuyen doi so", "sáp nhập*", "locality:\"tu son\"", "date:[2024-01-01 TO 2024-06-30]", "year:2023 GPMB", "35-CT/TW -OCOP" })
        {
            var r = index.Searcher.Search(new SearchRequest { Query = q, Size = 5 });
            output.WriteLine($"{q} => {r.Total} {r.ParsedQuery.Length} [{string.Join(", ", r.Hits.Select(h => $"{h.Id}:{h.Score:0.00}"))}]");
        }

        output.WriteLine(index.Searcher.Parser.Parse("nghị quyết 18").ToString());
        output.WriteLine(index.Searcher.Parser.Parse("ủy ban nhân dân tỉnh").ToString());
    }
}
