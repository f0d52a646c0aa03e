using System.Text.Json;
using SearchService.Core.Documents;

namespace SearchService.Core.Tests.Documents;

public class ConclusionDocumentJsonTests
{
    [Fact]
    public void Record_serialises_to_the_one_shape_of_the_issue()
    {
        var record = new ConclusionDocument
        {
            Id = "x",
            Level = AdministrativeLevel.CentrallyRunCity,
            Locality = "Hải Phòng",
            Date = new DateOnly(2023, 7, 5),
            Period = new ReportingPeriod(2023, 6),
            References = [new DocumentReference { Code = "06/QĐ-TTg", Kind = ReferenceKind.Decision, Number = "06", Issuer = "TTg", Mentions = 1 }],
        };

        var json = JsonSerializer.Serialize(record, ConclusionDocumentJson.Compact);

        Assert.Contains("\"level\":\"centrally-run-city\"", json, StringComparison.Ordinal);
        Assert.Contains("\"locality\":\"Hải Phòng\"", json, StringComparison.Ordinal);
        Assert.Contains("\"date\":\"2023-07-05\"", json, StringComparison.Ordinal);
        Assert.Contains("\"period\":{\"year\":2023,\"months\":6}", json, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"06/QĐ-TTg\",\"kind\":\"decision\"", json, StringComparison.Ordinal);
        Assert.Contains("\"termYears\":null", json, StringComparison.Ordinal);
        Assert.Equal(record.Locality, JsonSerializer.Deserialize<ConclusionDocument>(json, ConclusionDocumentJson.Compact)!.Locality);
    }
}
