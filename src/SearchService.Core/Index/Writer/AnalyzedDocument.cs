using SearchService.Core.Analysis;
using SearchService.Core.Index.Schema;

namespace SearchService.Core.Index.Writer;

/// <summary>
/// A document made ready for the writer away from it: checked against the schema and the limits,
/// its text fields analyzed and gathered by term, its stored fields serialized. Made by
/// <see cref="IndexWriter.Analyze"/>, which any thread may call, so that analysis runs on worker
/// threads while the single writer only appends; then given to
/// <see cref="IndexWriter.AddDocument(AnalyzedDocument)"/> or
/// <see cref="IndexWriter.UpdateDocument(string, AnalyzedDocument)"/>.
/// </summary>
/// <remarks>
/// One thread at a time: the instance keeps its analysis chains and buffers, and can be passed
/// back to <see cref="IndexWriter.Analyze"/> for the next document once the writer has taken it,
/// so a stream of documents allocates little beyond the stored bytes.
/// </remarks>
public sealed class AnalyzedDocument
{
    private readonly AnalysisPipeline?[] _pipelines;
    private readonly int[] _positionBase;
    private readonly bool[] _seen;

    internal AnalyzedDocument(IndexSchema schema, Analyzer analyzer)
    {
        Schema = schema;
        Analyzer = analyzer;
        var n = schema.Fields.Count;
        Fields = new AnalyzedField?[n];
        _pipelines = new AnalysisPipeline?[n];
        _positionBase = new int[n];
        _seen = new bool[n];
        for (var f = 0; f < n; f++)
        {
            if (schema.Fields[f].Kind == FieldKind.Text)
            {
                Fields[f] = new AnalyzedField();
            }
        }
    }

    /// <summary>The document as given.</summary>
    public IndexDocument Document { get; private set; } = new();

    internal IndexSchema Schema { get; }

    internal Analyzer Analyzer { get; }

    /// <summary>The stored fields' bytes (see <see cref="StoredDocument"/>); a new array per document, kept by the buffer.</summary>
    internal byte[] Stored { get; private set; } = [];

    /// <summary>Per schema field, the analyzed text (null for fields that are not text).</summary>
    internal AnalyzedField?[] Fields { get; }

    /// <summary>Checks every value against the schema and the limits; throws before anything is changed.</summary>
    internal static void Validate(IndexSchema schema, IndexDocument document)
    {
        var hasId = false;
        foreach (var (name, value) in document.Values)
        {
            var definition = schema.Find(name) ?? throw new ArgumentException($"field '{name}' is not in the schema (known: {string.Join(", ", schema.Fields.Select(f => f.Name))})", nameof(document));
            var ok = definition.Kind == FieldKind.Numeric ? value is long : value is string;
            if (!ok)
            {
                throw new ArgumentException($"field '{name}' is {definition.Kind.ToString().ToLowerInvariant()} but was given a {value.GetType().Name}", nameof(document));
            }

            hasId |= name == schema.IdField && value is string { Length: > 0 };
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
            throw new ArgumentException($"the document has no '{schema.IdField}' value; every document needs a unique id", nameof(document));
        }
    }

    /// <summary>
    /// Only an analyzer without the tokenizer's length cap makes a term this long. Refusing it would
    /// leave the document half inverted, so the term is left out instead: the segment stays
    /// readable, and the other terms of the document are still found.
    /// </summary>
    internal static bool IsTooLong(ReadOnlySpan<char> term) => term.Length > IndexLimits.MaxTermLength;

    /// <summary>Validates, analyzes and serializes <paramref name="document"/>, replacing what this instance held.</summary>
    internal void Analyze(IndexDocument document)
    {
        Validate(Schema, document);
        foreach (var field in Fields)
        {
            field?.Clear();
        }

        Array.Clear(_positionBase);
        Array.Clear(_seen);
        Stored = StoredDocument.Serialize(Schema, document);
        foreach (var (name, value) in document.Values)
        {
            var f = Schema.NumberOf(name);
            if (Fields[f] is not { } field)
            {
                continue;
            }

            // Several values of a text field run on as one text, a gap between them so a phrase cannot span two.
            if (_seen[f])
            {
                _positionBase[f] += SegmentBuffer.ValueGap;
            }

            _seen[f] = true;
            var pipeline = _pipelines[f] ??= Analyzer.CreateIndexPipeline(name);
            var position = pipeline.Index((string)value, _positionBase[f], field, out var length);
            field.Length += length;
            _positionBase[f] = position + 1;
        }

        foreach (var field in Fields)
        {
            field?.Finish();
        }

        Document = document;
    }
}
