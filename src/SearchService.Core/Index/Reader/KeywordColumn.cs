namespace SearchService.Core.Index.Reader;

/// <summary>
/// One segment's sorted-set doc-values column of a keyword field: the distinct values in
/// ordinal (ordinal string) order and, per document, the ordinals of its values. Facets and
/// filters count and test ordinals (ints) per document and turn only the winning ordinals back
/// into strings, so nothing is allocated per document.
/// </summary>
public sealed class KeywordColumn
{
    private readonly string[] _values;
    private readonly int[] _starts;
    private readonly int[] _ords;

    internal KeywordColumn(string[] values, int[] starts, int[] ords)
    {
        _values = values;
        _starts = starts;
        _ords = ords;
    }

    /// <summary>Distinct values of the segment, sorted ordinally; a value's index is its ordinal.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Number of distinct values (ordinals run 0..ValueCount-1).</summary>
    public int ValueCount => _values.Length;

    /// <summary>The ordinals of <paramref name="doc"/>'s values, ascending, without repeats (empty when it has none).</summary>
    public ReadOnlySpan<int> OrdinalsOf(int doc) => _ords.AsSpan(_starts[doc], _starts[doc + 1] - _starts[doc]);

    /// <summary>The ordinal of <paramref name="value"/>, or a negative number when the segment does not have it.</summary>
    public int OrdinalOf(string value) => Array.BinarySearch(_values, value, StringComparer.Ordinal);
}
