namespace SearchService.Core.Evaluation;

/// <summary>One query of a relevance set.</summary>
/// <param name="Id">Its id, as the judgments name it.</param>
/// <param name="Text">What a person types.</param>
public sealed record EvaluationQuery(string Id, string Text)
{
    /// <summary>
    /// Reads <c>qid&lt;TAB&gt;text</c> lines (the bench's three-column <c>id kind query</c> with its
    /// header is read too: the last column is the text); throws <see cref="FormatException"/> naming the line.
    /// </summary>
    public static IReadOnlyList<EvaluationQuery> Read(string path)
    {
        var queries = new List<EvaluationQuery>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#') || (number == 1 && line.StartsWith("id\t", StringComparison.Ordinal)))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[^1].Trim().Length == 0)
            {
                throw new FormatException($"{path}:{number}: expected 'qid<TAB>text', got '{line}'");
            }

            queries.Add(new EvaluationQuery(parts[0], parts[^1].Trim()));
        }

        return queries;
    }
}
