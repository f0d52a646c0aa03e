namespace SearchService.Core.Index.Schema;

/// <summary>
/// A document to index: field values in the order added. Text and keyword values are strings,
/// numeric values longs; a field may have several values.
/// </summary>
/// <remarks>
/// Files store strings as UTF-8, which cannot hold a lone UTF-16 surrogate: it would come back as
/// U+FFFD from the stored fields and columns while the term dictionary kept the raw char, and the
/// three would disagree. Values are made well-formed here, where they enter, so every part of the
/// index holds the same text.
/// </remarks>
public sealed class IndexDocument
{
    private readonly List<(string Field, object Value)> _values = [];

    /// <summary>The values, in the order added.</summary>
    public IReadOnlyList<(string Field, object Value)> Values => _values;

    /// <summary>Adds a text or keyword value; a lone surrogate in it becomes U+FFFD (see remarks on the type).</summary>
    public IndexDocument Add(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _values.Add((field, WellFormed(value)));
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

    private static string WellFormed(string value)
    {
        var span = value.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
