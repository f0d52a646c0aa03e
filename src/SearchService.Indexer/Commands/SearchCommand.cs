using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Store;
using SearchService.Core.Search;
using SearchService.Core.Catalog.Answering;
using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Parsing;
using Spectre.Console;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>search "QUERY" --index DIR [--locality X] [--province P [--history]] [--type T] [--level L] [--from D]
/// [--to D] [--sort date] [--limit N] [--page N] [--cursor C] [--explain] [--strict] [--json]</c>:
/// runs a search on an index directory and prints the hits readably or as JSON.
/// </summary>
public static class SearchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "What to find, e.g. \"giải phóng mặt bằng\", \"nong thon moi\", \"NQ 18\", '\"chuyển đổi số\"~2 -OCOP', 'locality:\"Từ Sơn\" year:2023'." };
        var index = new Option<DirectoryInfo>("--index") { Description = "The index directory.", Required = true };
        var locality = new Option<string?>("--locality") { Description = "Only documents of this locality (case and accents ignored)." };
        var province = new Option<string?>("--province") { Description = "Only documents of this province (as named on the document's date)." };
        var history = new Option<bool>("--history") { Description = "With --province: also the older documents of the areas that province holds today (Gia Lai takes in the former Bình Định)." };
        var type = new Option<string?>("--type") { Description = "Only documents of this type (conclusion, notice …)." };
        var level = new Option<string?>("--level") { Description = "Only documents of this committee level (district, town …)." };
        var code = new Option<string?>("--code") { Description = "Only documents citing this code (18-NQ/TU)." };
        var from = new Option<string?>("--from") { Description = "Only documents dated on or after this day (2023-01-01)." };
        var to = new Option<string?>("--to") { Description = "Only documents dated on or before this day (2023-12-31)." };
        var sort = new Option<string>("--sort") { Description = "relevance (default) or date (newest first).", DefaultValueFactory = _ => "relevance" };
        var limit = new Option<int>("--limit") { Description = "Hits to show (a page).", DefaultValueFactory = _ => 10 };
        var page = new Option<int>("--page") { Description = "Page number, from 1.", DefaultValueFactory = _ => 1 };
        var cursor = new Option<string?>("--cursor") { Description = "Continue after the page that printed this next cursor." };
        var explain = new Option<bool>("--explain") { Description = "Show how each hit's score was made." };
        var strict = new Option<bool>("--strict") { Description = "Fail on query syntax errors (with the position) instead of reading the text leniently, as the API's strict=true." };
        var json = new Option<bool>("--json") { Description = "Print the HTTP API's JSON answer: total, hits, facets, matchStrategy, next (the cursor), tookMs." };
        var command = new Command("search", "Search an index of conclusion documents.")
        {
            query, index, locality, province, history, type, level, code, from, to, sort, limit, page, cursor, explain, strict, json,
        };

        command.SetAction(parse =>
        {
            var directory = parse.GetValue(index)!;
            if (!directory.Exists)
            {
                Console.Error.WriteLine($"error: index directory not found: {directory.FullName}");
                return 2;
            }

            SearchRequest request;
            try
            {
                request = new SearchRequest
                {
                    Query = parse.GetValue(query) ?? "",
                    Locality = parse.GetValue(locality),
                    Province = parse.GetValue(province),
                    History = parse.GetValue(history),
                    Type = parse.GetValue(type),
                    Level = parse.GetValue(level),
                    Code = parse.GetValue(code),
                    From = Day(parse.GetValue(from), "--from"),
                    To = Day(parse.GetValue(to), "--to"),
                    Sort = SearchParameters.TryParseSort(parse.GetValue(sort), out var order)
                        ? order
                        : throw new ArgumentException($"--sort must be relevance or date, not '{parse.GetValue(sort)}'"),
                    Size = parse.GetValue(limit),
                    Page = parse.GetValue(page),
                    Cursor = parse.GetValue(cursor),
                    Explain = parse.GetValue(explain),
                    Lenient = !parse.GetValue(strict),
                };
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            SearchAnswer answer;
            try
            {
                using var snapshot = IndexSnapshot.Open(new IndexDirectory(directory.FullName));
                answer = new ConclusionSearchAnswerer().Answer(ConclusionSearcher.Open(snapshot), request);
            }
            catch (Exception e) when (e is QueryParseException or SearchLimitException or InvalidCursorException or ArgumentOutOfRangeException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }

            if (parse.GetValue(json))
            {
                // The HTTP API's response, the same record with the same settings.
                Console.Out.WriteLine(JsonSerializer.Serialize(SearchResponse.From(answer, request), ConclusionDocumentJson.Compact));
            }
            else
            {
                WriteReadable(answer);
            }

            return 0;
        });
        return command;
    }

    private static DateOnly? Day(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return SearchParameters.TryParseDay(text, out var day)
            ? day
            : throw new ArgumentException($"{option} is '{text}'; {SearchParameters.DayFormats}");
    }

    private static void WriteReadable(SearchAnswer answer)
    {
        var result = answer.Result;
        var total = result.TotalIsExact ? result.Total.ToString(CultureInfo.InvariantCulture) : $"at least {result.Total}";
        AnsiConsole.MarkupLine($"[bold]{total}[/] hits in {result.TookMs.ToString("0.0", CultureInfo.InvariantCulture)} ms");
        if (result.RelaxedToAnyWord)
        {
            AnsiConsole.MarkupLine("[yellow]no document has every word; these have some of them[/]");
        }
        else if (result.MatchStrategy == MatchStrategy.AnyWordRanked)
        {
            AnsiConsole.MarkupLine("[grey]a long text: ranked over any of its words, the documents with more of them first[/]");
        }

        var rank = 0;
        foreach (var hit in result.Hits)
        {
            rank++;
            var title = hit.Title.Replace('\n', ' ');
            AnsiConsole.MarkupLine($"{rank,3}. [bold]{Markup.Escape(title.Length > 0 ? title : hit.Id)}[/]  [grey]{hit.Score.ToString("0.000", CultureInfo.InvariantCulture)}[/]");
            var where = string.Join(", ", new[] { hit.Locality, hit.Province }.Where(s => !string.IsNullOrEmpty(s)).Distinct());
            if (hit.CurrentProvince is { Length: > 0 } today && today != hit.Province)
            {
                where += $" (today {today})";
            }

            var date = hit.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "no date";
            AnsiConsole.MarkupLine($"     [grey]{Markup.Escape(hit.Id)} · {Markup.Escape(where)} · {date} · {Markup.Escape(hit.Type ?? "")}[/]");
            foreach (var snippet in answer.Snippets[rank - 1])
            {
                // The snippets are HTML for the page; on a terminal the marks become bold.
                var text = System.Net.WebUtility.HtmlDecode(snippet.Replace("<mark>", "\u0001", StringComparison.Ordinal).Replace("</mark>", "\u0002", StringComparison.Ordinal));
                AnsiConsole.MarkupLine("     " + Markup.Escape(text).Replace("\u0001", "[bold yellow]", StringComparison.Ordinal).Replace("\u0002", "[/]", StringComparison.Ordinal));
            }

            if (hit.Explanation is { } explanation)
            {
                Console.WriteLine(Indent(explanation.ToString(), "       "));
            }
        }

        foreach (var facet in answer.Facets.Where(f => f.Values.Count > 0))
        {
            Console.WriteLine($"{facet.Field,-16} " + string.Join(" · ", facet.Values.Take(6).Select(v => $"{v.Value} ({v.Count})")));
        }

        if (result.NextCursor is { } next)
        {
            Console.WriteLine($"next page: --cursor {next}");
        }
    }

    private static string Indent(string text, string prefix) =>
        string.Join('\n', text.TrimEnd('\n').Split('\n').Select(line => prefix + line));
}
