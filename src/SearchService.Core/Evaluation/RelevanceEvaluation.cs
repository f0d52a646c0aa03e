using SearchService.Core.Catalog.Search;
using SearchService.Core.Search;

namespace SearchService.Core.Evaluation;

/// <summary>
/// Runs a relevance set against an index: every query as a person types it (plain words, read
/// leniently), the top 100 kept, then nDCG@k, MRR@k, Recall@100 and MAP per query and on average.
/// Queries without any judged relevant document are left out of the means (they cannot be scored).
/// </summary>
public static class RelevanceEvaluation
{
    /// <summary>Hits kept per query (the depth of recall and MAP, and of run files).</summary>
    public const int Depth = 100;

    /// <summary>Evaluates <paramref name="queries"/> with <paramref name="searcher"/>.</summary>
    public static EvaluationSummary Run(IndexSearcher searcher, IReadOnlyList<EvaluationQuery> queries, RelevanceJudgments judgments, int k = 10)
    {
        var results = new List<QueryEvaluation>(queries.Count);
        foreach (var query in queries)
        {
            if (!judgments.GradesOf(query.Id).Any(g => g > 0))
            {
                continue;
            }

            var result = searcher.Search(new SearchRequest { Query = query.Text, Size = Depth, Lenient = true });
            var ranking = result.Hits.Select(h => (h.Id, (double)h.Score)).ToList();
            var ids = ranking.ConvertAll(r => r.Id);
            results.Add(new QueryEvaluation(
                query,
                RankingMetrics.Ndcg(ids, query.Id, judgments, k),
                RankingMetrics.ReciprocalRank(ids, query.Id, judgments, k),
                RankingMetrics.Recall(ids, query.Id, judgments, Depth),
                RankingMetrics.AveragePrecision(ids, query.Id, judgments),
                ranking) { Strategy = result.MatchStrategy });
        }

        double Mean(Func<QueryEvaluation, double> of) => results.Count == 0 ? 0 : results.Average(of);
        return new EvaluationSummary(k, Mean(r => r.Ndcg), Mean(r => r.ReciprocalRank), Mean(r => r.Recall), Mean(r => r.AveragePrecision), results);
    }

    /// <summary>
    /// A TREC run line: <c>qid Q0 docid rank score tag</c>, the id percent-encoded (space → %20,
    /// % → %25) so ids with spaces keep the six columns.
    /// </summary>
    public static string RunLine(string query, string id, int rank, double score, string tag) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{query} Q0 {id.Replace("%", "%25", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)} {rank} {score:0.######} {tag}");
}
