using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Documents.Readers;

namespace SearchService.Indexer.Commands;

/// <summary>
/// <c>extract FILE... [--json]</c>: the structured record of each conclusion document, as JSON (the
/// shape the index and the API use) or as a readable summary. A file that cannot be read is
/// reported on standard error and the others still go through; the exit code is then 1.
/// </summary>
public static class ExtractCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Documents to extract (.txt, .md, .docx, .pdf).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the records as JSON (an array when several files are given)." };
        var command = new Command("extract", "Extract the structured record (type, locality, date, references, signer …) of conclusion documents.")
        {
            files, json,
        };

        command.SetAction(parse =>
        {
            var extractor = new ConclusionExtractor();
            var records = new List<ConclusionDocument>();
            var failed = 0;
            var paths = parse.GetValue(files) ?? [];
            foreach (var file in paths)
            {
                try
                {
                    records.Add(extractor.ExtractFile(file.FullName));
                }
                catch (DocumentReadException e)
                {
                    Console.Error.WriteLine($"error: {e.Message}");
                    failed++;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // An extractor bug must not cost the other files their records, nor print a trace.
                    Console.Error.WriteLine($"error: {file.FullName}: extraction failed ({e.GetType().Name}: {e.Message})");
                    failed++;
                }
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(paths.Length == 1 && records.Count == 1
                    ? JsonSerializer.Serialize(records[0], ConclusionDocumentJson.Options)
                    : JsonSerializer.Serialize(records, ConclusionDocumentJson.Options));
            }
            else
            {
                foreach (var record in records)
                {
                    WriteSummary(record);
                }
            }

            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static void WriteSummary(ConclusionDocument d)
    {
        static string Show(object? value) => value switch
        {
            null => "—",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum e => JsonNamingPolicy.KebabCaseLower.ConvertName(e.ToString()),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "—",
        };

        var output = Console.Out;
        output.WriteLine($"== {d.Id}");
        output.WriteLine($"  title      {Show(d.Title)}");
        output.WriteLine($"  type       {Show(d.Type)}   number {Show(d.Number)}");
        output.WriteLine($"  committee  {Show(d.Committee)}");
        output.WriteLine($"  place      {Show(d.Locality)}, {Show(d.Province)} ({Show(d.Level)})"
            + (d.CurrentProvince is { } today && today != d.Province ? $", today {today}" : ""));
        output.WriteLine($"  term       {Show(d.Term)} {Show(d.TermYears)}   conference {Show(d.Conference)}");
        output.WriteLine($"  date       {Show(d.Date)}   period {(d.Period is null ? "—" : $"{d.Period.Months} months of {d.Period.Year}")}");
        output.WriteLine($"  signer     {Show(d.Signer?.Name)} ({Show(d.Signer?.Title)})");
        output.WriteLine($"  references {d.References.Count}");
        foreach (var r in d.References)
        {
            output.WriteLine($"    {r.Code ?? "(bare)",-32} {Show(r.Kind),-12} no. {r.Number,-6} {Show(r.IssuerBody),-28} {Show(r.Date),-10} ×{r.Mentions}");
        }

        output.WriteLine($"  sections   {string.Join(" | ", d.Sections.Select(s => s.Heading))}");
        output.WriteLine($"  recipients {d.Recipients.Count}; body {d.Body.Length} chars");
    }
}
