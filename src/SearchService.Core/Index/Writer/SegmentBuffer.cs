using System.Globalization;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Schema;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Documents added since the last flush, inverted in memory: per field, its terms and their
/// postings (<see cref="FieldPostingsBuffer"/>, streams in one <see cref="ByteSlicePool"/>); per
/// text field, each document's length; per keyword and numeric field, the column values; and
/// each document's stored fields, serialized. <see cref="SegmentWriter"/> turns it into an
/// immutable segment.
/// </summary>
/// <remarks>
/// Text fields with several values are indexed as one text with the values joined by a newline:
/// positions run on, with a gap of <see cref="ValueGap"/> so a phrase cannot span two values.
/// Offsets are not indexed: the highlighter re-analyzes the stored text, which gives them exactly.
/// Documents arrive analyzed (<see cref="AnalyzedDocument"/>), so adding one is a term lookup and
/// an append per distinct term.
/// </remarks>
internal sealed class SegmentBuffer
{
    public const int ValueGap = 100;

    private readonly ByteSlicePool _pool = new();
    private readonly FieldPostingsBuffer[] _fields;
    private readonly Dictionary<string, int> _idToDoc = new(StringComparer.Ordinal);
    private readonly List<string>?[] _values;
    private long _otherBytes;

    public SegmentBuffer(IndexSchema schema)
    {
        Schema = schema;
        var n = schema.Fields.Count;
        _fields = new FieldPostingsBuffer[n];
        _values = new List<string>?[n];
        Lengths = new List<int>?[n];
        Numerics = new List<long>?[n];
        Keywords = new List<string[]>?[n];
        for (var i = 0; i < n; i++)
        {
            var kind = schema.Fields[i].Kind;
            _fields[i] = new FieldPostingsBuffer(_pool, PostingsFormat.IndexesPositions(kind));
            switch (kind)
            {
                case FieldKind.Text:
                    Lengths[i] = [];
                    break;
                case FieldKind.Numeric:
                    Numerics[i] = [];
                    _values[i] = [];
                    break;
                case FieldKind.Keyword:
                    Keywords[i] = [];
                    _values[i] = [];
                    break;
            }
        }
    }

    public IndexSchema Schema { get; }

    public int DocCount { get; private set; }

    public int DeletedCount { get; private set; }

    /// <summary>Per text field, each document's length in positions.</summary>
    public List<int>?[] Lengths { get; }

    /// <summary>Per numeric field, each document's first value (long.MinValue when it has none).</summary>
    public List<long>?[] Numerics { get; }

    /// <summary>Per keyword field, each document's values.</summary>
    public List<string[]>?[] Keywords { get; }

    /// <summary>Each document's stored fields, serialized by <see cref="StoredDocument"/>.</summary>
    public List<byte[]> Stored { get; } = [];

    /// <summary>Documents deleted while still in the buffer (an id updated twice before a flush).</summary>
    public List<bool> Deleted { get; } = [];

    /// <summary>RAM the buffer holds: the streams' used bytes, the term tables, stored bytes, columns.</summary>
    public long RamBytes
    {
        get
        {
            var bytes = _pool.UsedBytes + _otherBytes;
            foreach (var postings in _fields)
            {
                bytes += postings.RamBytes;
            }

            return bytes;
        }
    }

    /// <summary>True when the buffer must be flushed whatever the RAM setting, before its streams run out of addresses.</summary>
    public bool IsFull => _pool.IsNearlyFull;

    /// <summary>The postings of <paramref name="field"/>.</summary>
    public FieldPostingsBuffer Field(int field) => _fields[field];

    /// <summary>Marks the buffered document with <paramref name="id"/>, if any, deleted.</summary>
    public void DeleteById(string id)
    {
        if (_idToDoc.Remove(id, out var doc) && !Deleted[doc])
        {
            Deleted[doc] = true;
            DeletedCount++;
        }
    }

    /// <summary>Inverts <paramref name="analyzed"/> into the buffer; returns its buffer doc number.</summary>
    public int Add(AnalyzedDocument analyzed)
    {
        var document = analyzed.Document;
        var doc = DocCount;
        foreach (var values in _values)
        {
            values?.Clear();
        }

        string? id = null;
        foreach (var (name, value) in document.Values)
        {
            var field = Schema.NumberOf(name);
            switch (Schema.Fields[field].Kind)
            {
                case FieldKind.Keyword:
                    _values[field]!.Add((string)value);
                    if (name == Schema.IdField)
                    {
                        id ??= (string)value;
                    }

                    break;
                case FieldKind.Numeric:
                    _values[field]!.Add(((long)value).ToString(CultureInfo.InvariantCulture));
                    if (Numerics[field]!.Count == doc)
                    {
                        Numerics[field]!.Add((long)value); // the first value is the column's
                    }

                    break;
            }
        }

        for (var field = 0; field < Schema.Fields.Count; field++)
        {
            switch (Schema.Fields[field].Kind)
            {
                case FieldKind.Text:
                    AddText(field, analyzed.Fields[field]!, doc);
                    break;
                case FieldKind.Keyword:
                {
                    var values = _values[field]!;
                    AddValues(field, values, doc);
                    var distinct = values.Count switch
                    {
                        0 => [],
                        1 => [values[0]], // most keyword fields: one value, no set or sort to make
                        _ => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                    };
                    Keywords[field]!.Add(distinct);
                    _otherBytes += 16 + distinct.Sum(v => 24 + (v.Length * 2));
                    break;
                }

                case FieldKind.Numeric:
                    AddValues(field, _values[field]!, doc);
                    if (Numerics[field]!.Count == doc)
                    {
                        Numerics[field]!.Add(long.MinValue);
                    }

                    break;
            }
        }

        Stored.Add(analyzed.Stored);
        Deleted.Add(false);
        _otherBytes += analyzed.Stored.Length + 64 + (Schema.Fields.Count * 12);
        if (id is not null)
        {
            _idToDoc[id] = doc;
        }

        DocCount++;
        return doc;
    }

    private void AddText(int field, AnalyzedField analyzed, int doc)
    {
        Lengths[field]!.Add(analyzed.Length);
        _fields[field].AddDocument(analyzed, doc);
    }

    /// <summary>A keyword or numeric field's values: each distinct one once, its count as the frequency.</summary>
    private void AddValues(int field, List<string> values, int doc)
    {
        var postings = _fields[field];
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (AnalyzedDocument.IsTooLong(value) || values.IndexOf(value, 0, i) >= 0)
            {
                continue;
            }

            var freq = 1;
            for (var j = i + 1; j < values.Count; j++)
            {
                if (values[j] == value)
                {
                    freq++;
                }
            }

            postings.AddDocument(value, TermTable.Hash(value), doc, freq, indexPositions: false, []);
        }
    }
}
