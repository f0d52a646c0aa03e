using System.CommandLine;
using SearchService.Indexer.Commands;

// The command-line tool: a thin shell over SearchService.Core, one class per command.
var root = new RootCommand("SearchService command-line tool: analyze Vietnamese text, extract conclusion records and measure the analyzer.")
{
    AnalyzeCommand.Create(),
    ExtractCommand.Create(),
    BenchCommand.Create(),
    SearchCommand.Create(),
};

return root.Parse(args).Invoke();
