using System.Text.Json.Nodes;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Evaluation;

namespace SearchService.Core.Tests.Evaluation;

/// <summary>Extraction measured field by field against the expected records in tests/extraction.</summary>
public class ExtractionAccuracyTests
{
    private static readonly ConclusionExtractor Extractor = new();

    [Fact]
    public void Every_field_of_every_sample_comes_out_as_expected()
    {
        var results = Measure("samples-expected.jsonl", id => TestCorpus.SampleFiles().Single(f => Path.GetFileNameWithoutExtension(f) == id));

        Assert.All(results, r => Assert.True(r.Correct == r.Total, $"{r.Field}: {string.Join("; ", r.Misses)}"));
        Assert.Equal(TestCorpus.SampleFiles().Count, results.Single(r => r.Field == "locality").Total);
    }

    [SeedFact]
    public void Every_judged_field_of_every_seed_comes_out_as_expected()
    {
        var results = Measure("seeds-expected.jsonl", id => Directory.GetFiles(TestCorpus.SeedDirectory!, id + ".*").Single());

        Assert.All(results, r => Assert.True(r.Correct == r.Total, $"{r.Field}: {string.Join("; ", r.Misses)}"));
        Assert.Equal(5, results.Single(r => r.Field == "signer").Total);
        Assert.Equal(0, results.Single(r => r.Field == "committee").Total);
    }

    [Fact]
    public void A_wrong_value_is_a_miss_an_expected_null_is_judged_and_a_left_out_field_is_not()
    {
        var document = new ConclusionDocument { Id = "a", Locality = "Từ Sơn", Conference = 3, References = [new DocumentReference { Code = "18-NQ/TU", Number = "18" }] };
        var expected = ExtractionAccuracy.ReadExpected(new StringReader(
            """
            # a comment
            {"id":"a","locality":"Thuận Thành","period":null,"codes":["18-NQ/TU"]}
            {"id":"missing","locality":null}
            """));

        var results = ExtractionAccuracy.Measure(expected, new Dictionary<string, ConclusionDocument> { ["a"] = document }).ToDictionary(r => r.Field);

        Assert.Equal((0, 2), (results["locality"].Correct, results["locality"].Total));
        Assert.Equal(["a: \"Thuận Thành\" ≠ \"Từ Sơn\"", "missing: null ≠ (no document)"], results["locality"].Misses);
        Assert.Equal((1, 1), (results["period"].Correct, results["period"].Total));
        Assert.Equal((1, 1), (results["codes"].Correct, results["codes"].Total));
        Assert.Equal(0, results["conference"].Total);
    }

    [Fact]
    public void A_line_without_an_id_is_refused_with_its_number() =>
        Assert.Contains("line 2", Assert.Throws<FormatException>(() => ExtractionAccuracy.ReadExpected(new StringReader("{\"id\":\"a\"}\n{\"locality\":\"X\"}\n"))).Message, StringComparison.Ordinal);

    private static IReadOnlyList<FieldAccuracy> Measure(string file, Func<string, string> pathOf)
    {
        var path = Path.Combine(Path.GetDirectoryName(TestCorpus.Sample("x"))!, "..", "tests", "extraction", file);
        IReadOnlyList<JsonObject> expected;
        using (var reader = File.OpenText(path))
        {
            expected = ExtractionAccuracy.ReadExpected(reader);
        }

        var extracted = expected.Select(r => r["id"]!.GetValue<string>()).ToDictionary(id => id, id => Extractor.ExtractFile(pathOf(id)));
        return ExtractionAccuracy.Measure(expected, extracted);
    }
}
