using System.Globalization;
using SearchService.Core.Analysis;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Schema;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// Documents added since the last flush, inverted in memory: per field, a term → postings map;
/// per text field, each document's length; per keyword and numeric field, the column values; and
/// each document's stored fields, serialized. <see cref="SegmentWriter"/> turns it into an
/// immutable segment.
/// </summary>
/// <remarks>
/// Text fields with several values are indexed as one text with the values joined by a newline:
/// positions run on, with a gap of 100 so a phrase cannot span two values. Offsets are not
/// indexed: the highlighter re-analyzes the stored text, which gives them exactly.
/// </remarks>
internal sealed class SegmentBuffer
{
    public const int ValueGap = 100;

    private readonly Dictionary<string, TermPostingsBuffer>[] _terms;
    private readonly Dictionary<string, TermPostingsBuffer>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;
    private readonly AnalysisPipeline _pipeline;
    private readonly Dictionary<string, int> _idToDoc = new(StringComparer.Ordinal);
    private readonly DocumentTerms?[] _documentTerms;
    private readonly Func<ReadOnlySpan<char>, (string, TermPostingsBuffer)>?[] _resolvers;

    public SegmentBuffer(IndexSchema schema, VietnameseAnalyzer analyzer)
    {
        Schema = schema;
        _pipeline = analyzer.CreatePipeline();
        var n = schema.Fields.Count;
        _terms = new Dictionary<string, TermPostingsBuffer>[n];
        _lookups = new Dictionary<string, TermPostingsBuffer>.AlternateLookup<ReadOnlySpan<char>>[n];
        Lengths = new List<int>?[n];
        Numerics = new List<long>?[n];
        Keywords = new List<string[]>?[n];
        _documentTerms = new DocumentTerms?[n];
        _resolvers = new Func<ReadOnlySpan<char>, (string, TermPostingsBuffer)>?[n];
        for (var i = 0; i < n; i++)
        {
            _terms[i] = new Dictionary<string, TermPostingsBuffer>(StringComparer.Ordinal);
            _lookups[i] = _terms[i].GetAlternateLookup<ReadOnlySpan<char>>();
            switch (schema.Fields[i].Kind)
            {
                case FieldKind.Text:
                {
                    Lengths[i] = [];
                    _documentTerms[i] = new DocumentTerms();
                    var field = i;
                    _resolvers[i] = term => Resolve(field, term);
                    break;
                }

                case FieldKind.Numeric:
                    Numerics[i] = [];
                    break;
                case FieldKind.Keyword:
                    Keywords[i] = [];
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

    public long RamBytes { get; private set; }

    public IReadOnlyDictionary<string, TermPostingsBuffer> TermsOf(int field) => _terms[field];

    /// <summary>Marks the buffered document with <paramref name="id"/>, if any, deleted.</summary>
    public void DeleteById(string id)
    {
        if (_idToDoc.Remove(id, out var doc) && !Deleted[doc])
        {
            Deleted[doc] = true;
            DeletedCount++;
        }
    }

    /// <summary>Inverts <paramref name="document"/> into the buffer; returns its buffer doc number.</summary>
    public int Add(IndexDocument document)
    {
        Validate(document);
        foreach (var terms in _documentTerms)
        {
            terms?.Clear(); // what a document that failed half-way left
        }

        var stored = StoredDocument.Serialize(Schema, document);
        var doc = DocCount;
        var lengths = new int[Schema.Fields.Count];
        var positionBase = new int[Schema.Fields.Count];
        var seenText = new bool[Schema.Fields.Count];
        var keywordValues = new List<string>?[Schema.Fields.Count];
        var numerics = new long[Schema.Fields.Count];
        Array.Fill(numerics, long.MinValue);
        string? id = null;

        foreach (var (name, value) in document.Values)
        {
            var field = Schema.NumberOf(name);
            var definition = Schema.Fields[field];
            switch (definition.Kind)
            {
                case FieldKind.Text:
                {
                    var text = (string)value;
                    if (seenText[field])
                    {
                        positionBase[field] += ValueGap;
                    }

                    seenText[field] = true;
                    var stream = _pipeline.Reset(text);
                    var attributes = stream.Attributes;
                    var terms = _documentTerms[field]!;
                    var resolve = _resolvers[field]!;
                    var position = positionBase[field] - 1;
                    while (stream.IncrementToken())
                    {
                        position += attributes.PositionIncrement;
                        if (attributes.PositionIncrement > 0)
                        {
                            lengths[field]++;
                        }

                        if (!IsTooLong(attributes.Term))
                        {
                            terms.Add(attributes.Term, Math.Max(position, 0), resolve);
                        }
                    }

                    positionBase[field] = position + 1;
                    break;
                }

                case FieldKind.Keyword:
                {
                    var text = (string)value;
                    AddOccurrence(field, text, doc, 0);
                    (keywordValues[field] ??= []).Add(text);
                    if (name == Schema.IdField)
                    {
                        id ??= text;
                    }

                    break;
                }

                case FieldKind.Numeric:
                {
                    var number = (long)value;
                    var text = number.ToString(CultureInfo.InvariantCulture);
                    AddOccurrence(field, text, doc, 0);
                    if (numerics[field] == long.MinValue)
                    {
                        numerics[field] = number;
                    }

                    break;
                }

                case FieldKind.StoredOnly:
                    break; // serialized with the stored fields above, nothing to invert
            }
        }

        for (var field = 0; field < Schema.Fields.Count; field++)
        {
            if (_documentTerms[field] is { IsEmpty: false } terms)
            {
                RamBytes += terms.FlushTo(doc);
            }

            Lengths[field]?.Add(lengths[field]);
            Numerics[field]?.Add(numerics[field]);
            if (Keywords[field] is { } keywords)
            {
                var values = keywordValues[field]?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() ?? [];
                keywords.Add(values);
                RamBytes += 16 + values.Sum(v => 24 + (v.Length * 2));
            }
        }

        Stored.Add(stored);
        Deleted.Add(false);
        RamBytes += stored.Length + 64 + (Schema.Fields.Count * 12);
        if (id is not null)
        {
            _idToDoc[id] = doc;
        }

        DocCount++;
        return doc;
    }

    /// <summary>Checks every value against the schema before anything is changed, so a bad document leaves the buffer as it was.</summary>
    public void Validate(IndexDocument document)
    {
        var hasId = false;
        foreach (var (name, value) in document.Values)
        {
            var definition = Schema.Find(name) ?? throw new ArgumentException($"field '{name}' is not in the schema (known: {string.Join(", ", Schema.Fields.Select(f => f.Name))})", nameof(document));
            var ok = definition.Kind == FieldKind.Numeric ? value is long : value is string;
            if (!ok)
            {
                throw new ArgumentException($"field '{name}' is {definition.Kind.ToString().ToLowerInvariant()} but was given a {value.GetType().Name}", nameof(document));
            }

            hasId |= name == Schema.IdField && value is string { Length: > 0 };
            if (value is string text)
            {
                if (text.Length > IndexLimits.MaxValueLength)
                {
                    throw new DocumentLimitException(name, "a value", text.Length, IndexLimits.MaxValueLength);
                }

                // A keyword value is one term as it stands; text is cut into short tokens by the analyzer.
                if (definition.Kind == FieldKind.Keyword && text.Length > IndexLimits.MaxTermLength)
                {
                    throw new DocumentLimitException(name, "a keyword value (one term)", text.Length, IndexLimits.MaxTermLength);
                }
            }
        }

        if (!hasId)
        {
            throw new ArgumentException($"the document has no '{Schema.IdField}' value; every document needs a unique id", nameof(document));
        }
    }

    /// <summary>The segment's buffer for <paramref name="term"/> of <paramref name="field"/> and its key, created when new.</summary>
    private (string Key, TermPostingsBuffer Buffer) Resolve(int field, ReadOnlySpan<char> term)
    {
        var lookup = _lookups[field];
        if (!lookup.TryGetValue(term, out var key, out var postings))
        {
            key = new string(term);
            postings = new TermPostingsBuffer(PostingsFormat.IndexesPositions(Schema.Fields[field].Kind));
            _terms[field].Add(key, postings);
            RamBytes += 64 + (term.Length * 2) + postings.RamBytes;
        }

        return (key, postings);
    }

    /// <summary>
    /// Only an analyzer without the tokenizer's length cap makes a term this long. Refusing it would
    /// leave the document half inverted in the buffer, so the term is left out instead: the segment
    /// stays readable, and the other terms of the document are still found.
    /// </summary>
    private static bool IsTooLong(ReadOnlySpan<char> term) => term.Length > IndexLimits.MaxTermLength;

    private void AddOccurrence(int field, ReadOnlySpan<char> term, int doc, int position)
    {
        if (IsTooLong(term))
        {
            return;
        }

        var (_, postings) = Resolve(field, term);
        var before = postings.RamBytes;
        postings.Add(doc, position);
        RamBytes += postings.RamBytes - before;
    }
}
