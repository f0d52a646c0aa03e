namespace SearchService.Core.Evaluation;

/// <summary>The means over a relevance set, and each query's figures.</summary>
/// <param name="K">The cut-off of nDCG and MRR.</param>
/// <param name="Ndcg">Mean nDCG@k.</param>
/// <param name="Mrr">Mean reciprocal rank within k.</param>
/// <param name="Recall">Mean recall@100.</param>
/// <param name="Map">Mean average precision.</param>
/// <param name="Queries">Per query.</param>
public sealed record EvaluationSummary(int K, double Ndcg, double Mrr, double Recall, double Map, IReadOnlyList<QueryEvaluation> Queries)
{
    /// <summary>How many queries matched by each strategy, every strategy listed (0 when none).</summary>
    public IReadOnlyDictionary<Search.MatchStrategy, int> StrategyCounts =>
        Enum.GetValues<Search.MatchStrategy>().ToDictionary(s => s, s => Queries.Count(q => q.Strategy == s));
}
