using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents;
using SearchService.Core.Evaluation;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Writer;
using SearchService.Core.Search;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>eval --docs D --queries Q --qrels R [--index DIR] [--k 10] [--json OUT] [--run OUT.trec]
/// [--analyzer plain|vietnamese] [--no-fold] [--no-pairs] [--no-synonyms] [--verbose]</c>: indexes the
/// documents with the chosen analysis, runs every query as typed, and prints nDCG@k, MRR@k,
/// Recall@100 and MAP, so each analysis choice is justified by a measured difference.
/// </summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var docs = new Option<string>("--docs") { Description = "The documents: a .jsonl file of { id, title, text } (or the bench's fields), or a folder of .txt/.md/.docx/.pdf files.", Required = true };
        var queries = new Option<string>("--queries") { Description = "qid<TAB>text a line.", Required = true };
        var qrels = new Option<string>("--qrels") { Description = "TREC judgments: qid 0 docid grade.", Required = true };
        var index = new Option<string?>("--index") { Description = "Where to build the index (default: a temporary folder, removed after)." };
        var k = new Option<int>("--k") { Description = "Cut-off of nDCG and MRR.", DefaultValueFactory = _ => 10 };
        var json = new Option<string?>("--json") { Description = "Also write the figures, overall and per query, as JSON to this file." };
        var run = new Option<string?>("--run") { Description = "Write a TREC run file (top 100 per query) here." };
        var analyzer = new Option<string>("--analyzer") { Description = "vietnamese (the full chain) or plain (lowercased syllables only).", DefaultValueFactory = _ => "vietnamese" };
        var noFold = new Option<bool>("--no-fold") { Description = "Without the accent-folded forms." };
        var noPairs = new Option<bool>("--no-pairs") { Description = "Without the syllable pairs." };
        var noSynonyms = new Option<bool>("--no-synonyms") { Description = "Without the abbreviation synonyms." };
        var verbose = new Option<bool>("--verbose") { Description = "Print every query's figures." };
        var ranking = RankingSettings.Options();
        var command = new Command("eval", "Relevance of the search on a judged query set: nDCG@k, MRR@k, Recall@100, MAP; analyzer variants to compare.")
        {
            docs, queries, qrels, index, k, json, run, analyzer, noFold, noPairs, noSynonyms, verbose,
        };
        foreach (var option in ranking.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var options = parse.GetValue(analyzer) switch
            {
                "vietnamese" => new VietnameseAnalyzerOptions(),
                "plain" => new VietnameseAnalyzerOptions { Fold = false, Pairs = false, Synonyms = false, CodeParts = false },
                var other => null,
            };
            if (options is null)
            {
                Console.Error.WriteLine($"error: --analyzer is '{parse.GetValue(analyzer)}'; it must be 'vietnamese' or 'plain'.");
                return 2;
            }

            options = options with
            {
                Fold = options.Fold && !parse.GetValue(noFold),
                Pairs = options.Pairs && !parse.GetValue(noPairs),
                Synonyms = options.Synonyms && !parse.GetValue(noSynonyms),
            };
            RankingSettings settings;
            try
            {
                settings = ranking.Read(parse);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            return Run(parse.GetValue(docs)!, parse.GetValue(queries)!, parse.GetValue(qrels)!, parse.GetValue(index), Math.Max(1, parse.GetValue(k)), parse.GetValue(json), parse.GetValue(run), options, parse.GetValue(analyzer)!, parse.GetValue(verbose), settings);
        });
        return command;
    }

    private static int Run(string docs, string queriesPath, string qrelsPath, string? indexPath, int k, string? jsonPath, string? runPath, VietnameseAnalyzerOptions analysis, string analyzerName, bool verbose, RankingSettings ranking)
    {
        IReadOnlyList<EvaluationQuery> queries;
        RelevanceJudgments judgments;
        try
        {
            queries = EvaluationQuery.Read(queriesPath);
            judgments = RelevanceJudgments.Read(qrelsPath);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }

        var temporary = indexPath is null;
        var path = indexPath ?? Path.Combine(Path.GetTempPath(), "searchservice-eval-" + Guid.NewGuid().ToString("N"));
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            Console.Error.WriteLine($"error: {path} is not empty; eval builds its own index (give an empty or new folder).");
            return 2;
        }

        try
        {
            var indexing = new VietnameseAnalyzer(analysis);
            var failed = Build(docs, path, indexing);
            if (failed < 0)
            {
                return 2;
            }

            using var snapshot = IndexSnapshot.Open(new Core.Index.Store.IndexDirectory(path));
            var parser = ranking.Apply(ConclusionQueries.ParserOptions with { Analysis = analysis });
            var searcher = ConclusionSearcher.Open(snapshot, ranking.Similarity, parserOptions: parser);
            var summary = RelevanceEvaluation.Run(searcher, queries, judgments, k);
            Print(summary, snapshot.LiveCount, queries.Count, analyzerName, analysis, verbose);
            if (runPath is not null)
            {
                WriteRun(runPath, summary, analyzerName);
            }

            if (jsonPath is not null)
            {
                WriteJson(jsonPath, summary, analyzerName, analysis);
            }

            return 0;
        }
        finally
        {
            if (temporary && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    /// <summary>Indexes the documents; returns how many failed, or −1 when nothing could be indexed.</summary>
    private static int Build(string docs, string path, VietnameseAnalyzer analyzer)
    {
        using var writer = IndexWriter.Open(path, ConclusionFields.Schema, new IndexWriterOptions { Analyzer = analyzer });
        var ingestor = new ConclusionIngestor(writer);
        List<IngestOutcome> outcomes;
        if (File.Exists(docs))
        {
            outcomes = ingestor.IngestCorpus(docs).ToList();
        }
        else if (Directory.Exists(docs))
        {
            var readers = new Core.Documents.Readers.DocumentReaders();
            outcomes = (InputPaths.Expand([docs], readers.CanRead) ?? []).ConvertAll(ingestor.IngestFile);
        }
        else
        {
            Console.Error.WriteLine($"error: no such file or folder: {docs}");
            return -1;
        }

        foreach (var failure in outcomes.Where(o => o.Status == IngestStatus.Failed))
        {
            Console.Error.WriteLine($"failed: {failure.Source}: {failure.Error}");
        }

        writer.Commit();
        return outcomes.Count(o => o.Status == IngestStatus.Failed);
    }

    private static void Print(EvaluationSummary summary, int documents, int queries, string analyzer, VietnameseAnalyzerOptions analysis, bool verbose)
    {
        var output = Console.Out;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyzer   {analyzer} (fold {analysis.Fold}, pairs {analysis.Pairs}, synonyms {analysis.Synonyms}, code parts {analysis.CodeParts})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documents  {documents}; queries {queries}, {summary.Queries.Count} with judged relevant documents"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nDCG@{summary.K,-3}    {summary.Ndcg:0.0000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MRR@{summary.K,-4}    {summary.Mrr:0.0000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Recall@100  {summary.Recall:0.0000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MAP         {summary.Map:0.0000}"));
        output.WriteLine("strategies  " + string.Join(", ", summary.StrategyCounts.Select(c => $"{JsonNamingPolicy.CamelCase.ConvertName(c.Key.ToString())} {c.Value}")));
        if (!verbose)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("query   nDCG    RR      R@100   AP      how  text   (how: all = all words, rank = any word ranked, any = any word after none had all)");
        foreach (var q in summary.Queries)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{q.Query.Id,-7} {q.Ndcg:0.000}   {q.ReciprocalRank:0.000}   {q.Recall:0.000}   {q.AveragePrecision:0.000}   {Abbreviation(q.Strategy)}  {q.Query.Text}"));
        }
    }

    private static string Abbreviation(MatchStrategy strategy) => strategy switch
    {
        MatchStrategy.AnyWordRanked => "rank",
        MatchStrategy.AnyWordFallback => "any ",
        _ => "all ",
    };

    private static void WriteRun(string path, EvaluationSummary summary, string tag)
    {
        using var writer = new StreamWriter(path);
        foreach (var q in summary.Queries)
        {
            for (var i = 0; i < q.Ranking.Count; i++)
            {
                writer.WriteLine(RelevanceEvaluation.RunLine(q.Query.Id, q.Ranking[i].Id, i + 1, q.Ranking[i].Score, "searchservice-" + tag));
            }
        }
    }

    private static void WriteJson(string path, EvaluationSummary summary, string analyzer, VietnameseAnalyzerOptions analysis)
    {
        var document = new
        {
            analyzer,
            fold = analysis.Fold,
            pairs = analysis.Pairs,
            synonyms = analysis.Synonyms,
            k = summary.K,
            ndcg = summary.Ndcg,
            mrr = summary.Mrr,
            recall100 = summary.Recall,
            map = summary.Map,
            strategies = summary.StrategyCounts.ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.Key.ToString()), c => c.Value),
            queries = summary.Queries.Select(q => new { id = q.Query.Id, text = q.Query.Text, ndcg = q.Ndcg, rr = q.ReciprocalRank, recall100 = q.Recall, ap = q.AveragePrecision, strategy = JsonNamingPolicy.CamelCase.ConvertName(q.Strategy.ToString()) }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, ConclusionDocumentJson.Options));
    }
}
