using System.Globalization;
using System.Text;

namespace SearchService.Core.Search.Scoring;

/// <summary>
/// How a score was made: a value, what it is, and the values it was made of (a tree, as
/// Lucene's Explanation). <see cref="ToString"/> prints it indented, one line a node.
/// </summary>
/// <param name="Value">The node's value.</param>
/// <param name="Description">What the value is.</param>
/// <param name="Details">The values it was computed from.</param>
public sealed record Explanation(float Value, string Description, IReadOnlyList<Explanation> Details)
{
    /// <summary>A node without details.</summary>
    public static Explanation Leaf(float value, string description) => new(value, description, []);

    /// <summary>A node saying the document does not match, and why.</summary>
    public static Explanation NoMatch(string description, params Explanation[] details) => new(0, "no match: " + description, details);

    /// <summary>True unless this is a <see cref="NoMatch"/> node.</summary>
    public bool IsMatch => !Description.StartsWith("no match", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder();
        Append(builder, 0);
        return builder.ToString();
    }

    private void Append(StringBuilder builder, int depth)
    {
        builder.Append(' ', depth * 2)
            .Append(Value.ToString("0.######", CultureInfo.InvariantCulture))
            .Append(" = ")
            .Append(Description)
            .Append('\n');
        foreach (var detail in Details)
        {
            detail.Append(builder, depth + 1);
        }
    }
}
