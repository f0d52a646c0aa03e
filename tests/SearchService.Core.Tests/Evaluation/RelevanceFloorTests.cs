using SearchService.Core.Catalog;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Evaluation;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;
using SearchService.Core.Search;

namespace SearchService.Core.Tests.Evaluation;

/// <summary>
/// The project's own judged query sets (tests/relevance) as a regression floor: the search may
/// get better, never worse than the figures recorded when the set was written. Raise a floor
/// when a change lifts the figure; a drop means a change hurt real queries.
/// </summary>
public sealed class RelevanceFloorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "ss-eval-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_path))
        {
            Directory.Delete(_path, recursive: true);
        }
    }

    [Fact]
    public void The_sample_queries_keep_their_recorded_quality()
    {
        var summary = Evaluate(TestCorpus.SampleFiles(), "samples");

        // Recorded 2026-11-22 (`eval --docs samples …`): nDCG@10 0.9339, MRR@10 1.0000, Recall@100 0.8744, MAP 0.8681.
        // 2026-11-26, 23 documents (nine post-reform and Quy Nhơn samples added, judged where relevant to
        // the existing queries): nDCG@10 0.9162, MRR@10 0.9946, Recall@100 0.8656, MAP 0.8458. The new
        // documents are more competitors (and sometimes beat a relevant one: "nghe an" matches the verb
        // "nghe" exactly), and a judged document missing a word of an all-words query lowers recall.
        Assert.Equal(93, summary.Queries.Count);
        Assert.True(summary.Ndcg >= 0.91, Describe(summary));
        Assert.True(summary.Mrr >= 0.99, Describe(summary));
        Assert.True(summary.Recall >= 0.86, Describe(summary));
        Assert.True(summary.Map >= 0.84, Describe(summary));
    }

    [SeedFact]
    public void The_seed_queries_keep_their_recorded_quality()
    {
        var summary = Evaluate(Directory.EnumerateFiles(TestCorpus.SeedDirectory!), "seeds");

        // Recorded 2026-11-22: nDCG@10 0.9399, MRR@10 0.9708, Recall@100 0.9388, MAP 0.9054.
        Assert.Equal(40, summary.Queries.Count);
        Assert.True(summary.Ndcg >= 0.93, Describe(summary));
        Assert.True(summary.Mrr >= 0.96, Describe(summary));
        Assert.True(summary.Recall >= 0.93, Describe(summary));
        Assert.True(summary.Map >= 0.90, Describe(summary));
    }

    private EvaluationSummary Evaluate(IEnumerable<string> files, string set)
    {
        var extractor = new ConclusionExtractor();
        using (var writer = IndexWriter.Open(_path, ConclusionFields.Schema))
        {
            foreach (var file in files)
            {
                writer.AddDocument(ConclusionIndexDocument.From(extractor.ExtractFile(file)));
            }

            writer.Commit();
        }

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_path));
        return RelevanceEvaluation.Run(
            new IndexSearcher(snapshot),
            EvaluationQuery.Read(TestCorpus.RelevanceFile(set + "-queries.tsv")),
            RelevanceJudgments.Read(TestCorpus.RelevanceFile(set + "-qrels.tsv")));
    }

    private static string Describe(EvaluationSummary s) =>
        $"nDCG@10 {s.Ndcg:0.0000}, MRR {s.Mrr:0.0000}, R@100 {s.Recall:0.0000}, MAP {s.Map:0.0000}; worst: " +
        string.Join("; ", s.Queries.OrderBy(q => q.Ndcg).Take(3).Select(q => $"{q.Query.Id} '{q.Query.Text}' {q.Ndcg:0.00}"));
}
