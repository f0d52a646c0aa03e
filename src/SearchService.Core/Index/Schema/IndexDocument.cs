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
    private List<(int Value, ReadOnlyMemory<byte> Utf8)>? _utf8; // string values given with their UTF-8 bytes

    /// <summary>The values, in the order added.</summary>
    public IReadOnlyList<(string Field, object Value)> Values => _values;

    /// <summary>Adds a text or keyword value; a lone surrogate in it becomes U+FFFD (see remarks on the type).</summary>
    public IndexDocument Add(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _values.Add((field, WellFormed(value)));
        return this;
    }

    /// <summary>
    /// Adds a text or keyword value with its UTF-8 bytes, which the stored fields then copy instead
    /// of encoding the value again. The caller vouches that <paramref name="utf8"/> is exactly
    /// <paramref name="value"/> encoded (e.g. a JSON string read without escapes from valid UTF-8)
    /// and that the bytes stay unchanged until the document is analyzed.
    /// </summary>
    internal IndexDocument Add(string field, string value, ReadOnlyMemory<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(value);
        var wellFormed = WellFormed(value);
        if (ReferenceEquals(wellFormed, value))
        {
            (_utf8 ??= []).Add((_values.Count, utf8));
        }

        _values.Add((field, wellFormed));
        return this;
    }

    /// <summary>The UTF-8 bytes value number <paramref name="index"/> was added with, if it was.</summary>
    internal bool TryGetUtf8(int index, out ReadOnlyMemory<byte> utf8)
    {
        foreach (var (value, bytes) in _utf8 ?? [])
        {
            if (value == index)
            {
                utf8 = bytes;
                return true;
            }
        }

        utf8 = default;
        return false;
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
