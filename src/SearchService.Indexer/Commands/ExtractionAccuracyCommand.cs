using System.CommandLine;
using System.Globalization;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Documents.Readers;
using SearchService.Core.Evaluation;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>eval-extraction --expected FILE.jsonl (--docs DIR… | --records FILE.json) [--verbose]</c>:
/// extraction accuracy field by field against expected records (see <see cref="ExtractionAccuracy"/>);
/// the documents are found by id (file name without extension) under the folders, or taken already
/// extracted from <c>extract --json</c> output (another build's, to compare extractors). Exit 1
/// when an expected document is missing.
/// </summary>
public static class ExtractionAccuracyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var expected = new Option<FileInfo>("--expected") { Description = "Expected records, one JSON object a line (tests/extraction/*.jsonl).", Required = true };
        var docs = new Option<DirectoryInfo[]>("--docs") { Description = "Folders holding the documents.", AllowMultipleArgumentsPerToken = true };
        var recordsFile = new Option<FileInfo?>("--records") { Description = "Records already extracted: the JSON array `extract --json` prints (e.g. of an earlier build)." };
        var verbose = new Option<bool>("--verbose") { Description = "List every miss: document, expected, extracted." };
        var command = new Command("eval-extraction", "Measure extraction field by field against expected records.") { expected, docs, recordsFile, verbose };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(expected)!;
            if (!file.Exists)
            {
                Console.Error.WriteLine($"error: expected records not found: {file.FullName}");
                return 2;
            }

            IReadOnlyList<System.Text.Json.Nodes.JsonObject> records;
            using (var reader = file.OpenText())
            {
                try
                {
                    records = ExtractionAccuracy.ReadExpected(reader);
                }
                catch (FormatException e)
                {
                    Console.Error.WriteLine($"error: {file.Name}: {e.Message}");
                    return 2;
                }
            }

            var extracted = new Dictionary<string, ConclusionDocument>(StringComparer.Ordinal);
            if (parse.GetValue(recordsFile) is { } given)
            {
                using var stream = given.OpenRead();
                foreach (var record in System.Text.Json.JsonSerializer.Deserialize<List<ConclusionDocument>>(stream, ConclusionDocumentJson.Compact) ?? [])
                {
                    extracted.TryAdd(record.Id, record);
                }
            }

            var byId = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var folder in parse.GetValue(docs) ?? [])
            {
                foreach (var path in DocumentFiles.Under(folder.FullName, new DocumentReaders().CanRead))
                {
                    byId.TryAdd(Path.GetFileNameWithoutExtension(path), path);
                }
            }

            var extractor = new ConclusionExtractor();
            var missing = 0;
            foreach (var id in records.Select(r => r["id"]!.GetValue<string>()))
            {
                if (extracted.ContainsKey(id))
                {
                    continue;
                }

                if (byId.TryGetValue(id, out var path))
                {
                    extracted[id] = extractor.ExtractFile(path);
                }
                else
                {
                    Console.Error.WriteLine($"missing document: {id}");
                    missing++;
                }
            }

            var results = ExtractionAccuracy.Measure(records, extracted);
            Console.WriteLine($"{records.Count} documents, {file.Name}");
            Console.WriteLine($"{"field",-16} {"correct",9} {"share",7}");
            foreach (var field in results.Where(r => r.Total > 0))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{field.Field,-16} {field.Correct,4}/{field.Total,-4} {field.Ratio,7:P1}"));
            }

            var all = results.Sum(r => r.Total);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all fields",-16} {results.Sum(r => r.Correct),4}/{all,-4} {(all == 0 ? 1 : (double)results.Sum(r => r.Correct) / all),7:P1}"));
            if (parse.GetValue(verbose))
            {
                foreach (var miss in results.SelectMany(r => r.Misses.Select(m => $"{r.Field}: {m}")))
                {
                    Console.WriteLine("  " + miss);
                }
            }

            return missing > 0 ? 1 : 0;
        });
        return command;
    }
}
