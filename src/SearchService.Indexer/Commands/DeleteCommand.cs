using System.CommandLine;
using SearchService.Core.Index.Writer;

namespace SearchService.Indexer.Commands;

/// <summary><c>delete ID... --index DIR</c>: removes documents by id and commits; exit 1 when an id was not found.</summary>
public static class DeleteCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var ids = new Argument<string[]>("ids") { Description = "Ids of the documents to delete (the file name without extension, by default).", Arity = ArgumentArity.OneOrMore };
        var index = IndexOptions.IndexDirectory();
        var command = new Command("delete", "Delete documents by id.") { ids, index };
        command.SetAction(parse => Run(parse.GetValue(ids) ?? [], parse.GetValue(index)!));
        return command;
    }

    private static int Run(string[] ids, string path)
    {
        if (IndexOptions.Missing(path))
        {
            return IndexOptions.ReportMissing(path);
        }

        return IndexOptions.WithWriter(path, new IndexWriterOptions(), writer =>
        {
            var missing = 0;
            foreach (var id in ids)
            {
                if (writer.DeleteDocument(id) > 0)
                {
                    Console.Out.WriteLine($"deleted {id}");
                }
                else
                {
                    Console.Error.WriteLine($"error: no document with id '{id}'");
                    missing++;
                }
            }

            var commit = writer.Commit();
            Console.Out.WriteLine($"committed generation {commit.Generation}: {writer.LiveCount} documents");
            return missing == 0 ? 0 : 1;
        });
    }
}
