namespace SearchService.Core.Evaluation;

/// <summary>
/// The standard measures of one ranked list against graded judgments. A document is relevant
/// when its grade is at least 1. nDCG uses the gain 2^grade − 1 and the discount log2(rank + 1),
/// normalised by the ideal ordering of the judged grades.
/// </summary>
public static class RankingMetrics
{
    /// <summary>nDCG over the first <paramref name="k"/> results.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, string query, RelevanceJudgments judgments, int k)
    {
        double dcg = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            dcg += Gain(judgments.Grade(query, ranked[i])) / Math.Log2(i + 2);
        }

        double ideal = 0;
        var grades = judgments.GradesOf(query);
        for (var i = 0; i < Math.Min(k, grades.Count); i++)
        {
            ideal += Gain(grades[i]) / Math.Log2(i + 2);
        }

        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>1 / rank of the first relevant result within <paramref name="k"/>, else 0.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, string query, RelevanceJudgments judgments, int k)
    {
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (judgments.Grade(query, ranked[i]) > 0)
            {
                return 1.0 / (i + 1);
            }
        }

        return 0;
    }

    /// <summary>The share of the relevant documents found within the first <paramref name="k"/>.</summary>
    public static double Recall(IReadOnlyList<string> ranked, string query, RelevanceJudgments judgments, int k)
    {
        var relevant = judgments.GradesOf(query).Count(g => g > 0);
        if (relevant == 0)
        {
            return 0;
        }

        var found = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (judgments.Grade(query, ranked[i]) > 0)
            {
                found++;
            }
        }

        return found / (double)relevant;
    }

    /// <summary>Average precision over the whole list (relevant documents never retrieved count as 0).</summary>
    public static double AveragePrecision(IReadOnlyList<string> ranked, string query, RelevanceJudgments judgments)
    {
        var relevant = judgments.GradesOf(query).Count(g => g > 0);
        if (relevant == 0)
        {
            return 0;
        }

        double sum = 0;
        var found = 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (judgments.Grade(query, ranked[i]) > 0)
            {
                found++;
                sum += found / (double)(i + 1);
            }
        }

        return sum / relevant;
    }

    private static double Gain(int grade) => grade <= 0 ? 0 : Math.Pow(2, grade) - 1;
}
