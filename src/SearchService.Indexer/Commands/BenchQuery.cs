namespace SearchService.Indexer.Commands;

/// <summary>One line of a benchmark query set: an id, a kind (rare, common, phrase, …) and the query text.</summary>
/// <param name="Id">The query's id (q01).</param>
/// <param name="Kind">Its kind, the unit figures are reported by.</param>
/// <param name="Text">The query as a user types it.</param>
public sealed record BenchQuery(string Id, string Kind, string Text)
{
    /// <summary>
    /// Reads a query set (`../shared/bench/queries.tsv`): tab-separated id, kind and query a line;
    /// a header line (first column "id") and empty lines are skipped; the query may hold tabs.
    /// </summary>
    public static List<BenchQuery> ReadFile(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t', 3))
            .Where(parts => parts.Length == 3 && parts[0] != "id")
            .Select(parts => new BenchQuery(parts[0], parts[1], parts[2]))
            .ToList();
}
