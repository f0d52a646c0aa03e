using System.CommandLine;
using System.Text.Json;
using SearchService.Core.Analysis;
using SearchService.Core.Documents;
using Spectre.Console;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>analyze [TEXT] [--file F] [--json] [--query] [--no-fold] [--no-pairs] [--no-synonyms]</c>:
/// shows the tokens the Vietnamese analyzer makes of a text, as a table or as JSON.
/// </summary>
public static class AnalyzeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var text = new Argument<string?>("text") { Description = "The text to analyze (or use --file, or '-' for standard input).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file") { Description = "Analyze the contents of this UTF-8 file." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of tokens (term, type, position, startOffset, endOffset, indexPositions)." };
        var query = new Option<bool>("--query") { Description = "Use the query chain (drops stop words) instead of the indexing chain." };
        var noFold = new Option<bool>("--no-fold") { Description = "Do not stack accent-folded copies." };
        var noPairs = new Option<bool>("--no-pairs") { Description = "Do not stack adjacent-syllable pairs." };
        var noSynonyms = new Option<bool>("--no-synonyms") { Description = "Do not stack abbreviation synonyms." };

        var command = new Command("analyze", "Show the tokens the Vietnamese analyzer makes of a text.")
        {
            text, file, json, query, noFold, noPairs, noSynonyms,
        };

        command.SetAction(parse =>
        {
            string input;
            var path = parse.GetValue(file);
            var given = parse.GetValue(text);
            if (path is not null)
            {
                if (!path.Exists)
                {
                    Console.Error.WriteLine($"error: file not found: {path.FullName}");
                    return 2;
                }

                input = File.ReadAllText(path.FullName);
            }
            else if (given == "-")
            {
                input = Console.In.ReadToEnd();
            }
            else if (given is not null)
            {
                input = given;
            }
            else
            {
                Console.Error.WriteLine("error: give the text to analyze, '-' to read standard input, or --file PATH.");
                return 2;
            }

            var options = (parse.GetValue(query) ? VietnameseAnalyzerOptions.Query : VietnameseAnalyzerOptions.Indexing) with
            {
                Fold = !parse.GetValue(noFold),
                Pairs = !parse.GetValue(noPairs),
                Synonyms = !parse.GetValue(noSynonyms),
            };
            var tokens = new VietnameseAnalyzer(options).Analyze(input);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(tokens, ConclusionDocumentJson.Options));
            }
            else
            {
                WriteTable(tokens, input);
            }

            return 0;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<AnalyzedToken> tokens, string input)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("position").AddColumn("term").AddColumn("type").AddColumn("offsets").AddColumn("original");
        foreach (var token in tokens)
        {
            var original = input[token.StartOffset..token.EndOffset];
            table.AddRow(
                token.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(token.Term),
                JsonNamingPolicy.SnakeCaseLower.ConvertName(token.Type.ToString()),
                $"{token.StartOffset}-{token.EndOffset}",
                Markup.Escape(original));
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"{tokens.Count} tokens");
    }
}
