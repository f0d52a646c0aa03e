namespace SearchService.Core.Index.Schema;

/// <summary>
/// A document to index: field values in the order added. Text and keyword values are strings,
/// numeric values longs; a field may have several values.
/// </summary>
public sealed class IndexDocument
{
    private readonly List<(string Field, object Value)> _values = [];

    /// <summary>The values, in the order added.</summary>
    public IReadOnlyList<(string Field, object Value)> Values => _values;

    /// <summary>Adds a text or keyword value.</summary>
    public IndexDocument Add(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _values.Add((field, value));
        return this;
    }

    /// <summary>Adds a numeric value.</summary>
    public IndexDocument Add(string field, long value)
    {
        _values.Add((field, value));
        return this;
    }

    /// <summary>The first string value of <paramref name="field"/>, or null.</summary>
    public string? Get(string field)
    {
        foreach (var (name, value) in _values)
        {
            if (name == field && value is string s)
            {
                return s;
            }
        }

        return null;
    }
}
