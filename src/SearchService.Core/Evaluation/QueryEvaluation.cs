namespace SearchService.Core.Evaluation;

/// <summary>How one query did.</summary>
/// <param name="Query">The query.</param>
/// <param name="Ndcg">nDCG@k.</param>
/// <param name="ReciprocalRank">Reciprocal rank of the first relevant hit within k.</param>
/// <param name="Recall">Recall@100.</param>
/// <param name="AveragePrecision">Average precision over the top 100.</param>
/// <param name="Ranking">The top 100 ids with scores, best first.</param>
public sealed record QueryEvaluation(EvaluationQuery Query, double Ndcg, double ReciprocalRank, double Recall, double AveragePrecision, IReadOnlyList<(string Id, double Score)> Ranking)
{
    /// <summary>How the query's words matched (all words, a long text ranked over any, or any after none had all).</summary>
    public Search.MatchStrategy Strategy { get; init; }
}
