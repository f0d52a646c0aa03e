using System.CommandLine;
using SearchService.Indexer.Commands;

// The command-line tool: a thin shell over SearchService.Core, one class per command.
var root = new RootCommand("SearchService command-line tool: index conclusion documents, check and inspect the index, extract records, analyze Vietnamese text, and measure.")
{
    IndexCommand.Create(),
    StatsCommand.Create(),
    CheckCommand.Create(),
    DeleteCommand.Create(),
    MergeCommand.Create(),
    ExtractCommand.Create(),
    AnalyzeCommand.Create(),
    BenchCommand.Create(),
    SearchCommand.Create(),
    EvalCommand.Create(),
    ExtractionAccuracyCommand.Create(),
};

return root.Parse(args).Invoke();
