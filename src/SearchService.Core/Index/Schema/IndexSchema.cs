namespace SearchService.Core.Index.Schema;

/// <summary>
/// The fields an index knows, in a fixed order (a field's number is its place here), and which
/// keyword field holds a document's unique id, the key of update and delete.
/// </summary>
public sealed class IndexSchema
{
    private readonly Dictionary<string, int> _numbers;

    /// <summary>Creates a schema; <paramref name="idField"/> must be one of the keyword fields.</summary>
    public IndexSchema(IEnumerable<FieldDefinition> fields, string idField = "id")
    {
        Fields = fields.ToList();
        _numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            if (!_numbers.TryAdd(Fields[i].Name, i))
            {
                throw new ArgumentException($"field '{Fields[i].Name}' is defined twice", nameof(fields));
            }
        }

        if (!_numbers.TryGetValue(idField, out var id) || Fields[id].Kind != FieldKind.Keyword)
        {
            throw new ArgumentException($"the id field '{idField}' must be a keyword field of the schema", nameof(idField));
        }

        IdField = idField;
    }

    /// <summary>The fields, in field-number order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>The keyword field holding each document's unique id.</summary>
    public string IdField { get; }

    /// <summary>The number of the field called <paramref name="name"/>, or -1.</summary>
    public int NumberOf(string name) => _numbers.TryGetValue(name, out var n) ? n : -1;

    /// <summary>The definition of the field called <paramref name="name"/>, or null.</summary>
    public FieldDefinition? Find(string name) => _numbers.TryGetValue(name, out var n) ? Fields[n] : null;
}
