using SearchService.Core.Evaluation;

namespace SearchService.Core.Tests.Evaluation;

public sealed class RankingMetricsTests : IDisposable
{
    private readonly string _qrels = Path.GetTempFileName();

    public RankingMetricsTests() => File.WriteAllText(_qrels, "q1\t0\ta\t3\nq1 0 b 1\nq1\t0\tc\t0\n");

    public void Dispose() => File.Delete(_qrels);

    [Fact]
    public void Metrics_match_hand_computed_values()
    {
        var judgments = RelevanceJudgments.Read(_qrels);
        string[] ranked = ["x", "a", "b"];

        // DCG = 7/log2(3) + 1/log2(4); ideal = 7/log2(2) + 1/log2(3).
        var expected = ((7 / Math.Log2(3)) + (1 / Math.Log2(4))) / (7 + (1 / Math.Log2(3)));
        Assert.Equal(expected, RankingMetrics.Ndcg(ranked, "q1", judgments, 10), 10);
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(ranked, "q1", judgments, 10));
        Assert.Equal(0, RankingMetrics.ReciprocalRank(ranked, "q1", judgments, 1));
        Assert.Equal(1.0, RankingMetrics.Recall(ranked, "q1", judgments, 100));
        Assert.Equal(0.5, RankingMetrics.Recall(["a"], "q1", judgments, 100));
        Assert.Equal(((1 / 2.0) + (2 / 3.0)) / 2, RankingMetrics.AveragePrecision(ranked, "q1", judgments), 10);
        Assert.Equal(1.0, RankingMetrics.Ndcg(["a", "b"], "q1", judgments, 10), 10);
    }

    [Fact]
    public void A_run_line_keeps_six_columns_for_ids_with_spaces_and_percent_signs()
    {
        var line = RelevanceEvaluation.RunLine("q1", "kết luận 100% số 5", 3, 1.25, "tag");
        Assert.Equal("q1 Q0 kết%20luận%20100%25%20số%205 3 1.25 tag", line);
        Assert.Equal(6, line.Split(' ').Length);
    }

    [Fact]
    public void A_malformed_judgment_line_is_reported_with_its_number()
    {
        File.WriteAllText(_qrels, "q1 0 a 3\nq1 a 2\n");
        var error = Assert.Throws<FormatException>(() => RelevanceJudgments.Read(_qrels));
        Assert.Contains(":2:", error.Message);
    }
}
