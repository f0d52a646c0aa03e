using System.Globalization;

namespace SearchService.Core.Evaluation;

/// <summary>
/// Graded judgments in TREC qrels form — <c>qid 0 docid grade</c> a line, tabs or spaces — per query
/// the grade of each judged document (0 = not relevant; documents not listed count as 0).
/// </summary>
public sealed class RelevanceJudgments
{
    private readonly Dictionary<string, Dictionary<string, int>> _grades;

    private RelevanceJudgments(Dictionary<string, Dictionary<string, int>> grades) => _grades = grades;

    /// <summary>The judged queries.</summary>
    public IEnumerable<string> Queries => _grades.Keys;

    /// <summary>Reads a qrels file; throws <see cref="FormatException"/> naming the line that is wrong.</summary>
    public static RelevanceJudgments Read(string path)
    {
        var grades = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 4 || !int.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
            {
                throw new FormatException($"{path}:{number}: expected 'qid 0 docid grade', got '{line}'");
            }

            if (!grades.TryGetValue(parts[0], out var byDoc))
            {
                grades[parts[0]] = byDoc = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            byDoc[parts[2]] = grade;
        }

        return new RelevanceJudgments(grades);
    }

    /// <summary>The grade of <paramref name="doc"/> for <paramref name="query"/> (0 when not judged).</summary>
    public int Grade(string query, string doc) =>
        _grades.TryGetValue(query, out var byDoc) && byDoc.TryGetValue(doc, out var grade) ? grade : 0;

    /// <summary>The judged grades of <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<int> GradesOf(string query) =>
        _grades.TryGetValue(query, out var byDoc) ? byDoc.Values.OrderDescending().ToList() : [];
}
