using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// The names a user may put before ':' and the field each means, from the caller's
/// <see cref="QueryParserOptions.Fields"/>; names count with or without accents ("tiêu đề", "tieude").
/// </summary>
internal sealed class FieldAliases
{
    private readonly Dictionary<string, (string Field, FieldKindOfQuery Kind)> _aliases = new(StringComparer.Ordinal);

    public FieldAliases(IReadOnlyList<QueryField> fields)
    {
        foreach (var field in fields)
        {
            _aliases[field.Name] = (field.Name, field.Kind);
            foreach (var alias in field.Aliases)
            {
                _aliases[alias] = (field.Name, field.Kind);
            }
        }

        Known = string.Join(", ", fields.Select(f => f.Name));
    }

    /// <summary>The canonical field names, for error messages.</summary>
    public string Known { get; }

    /// <summary>The field and kind for <paramref name="name"/>, or null when it is not a field.</summary>
    public (string Field, FieldKindOfQuery Kind)? Find(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var key = VietnameseAlphabet.FoldString(name.ToLowerInvariant()).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return _aliases.TryGetValue(key, out var found) ? found : null;
    }
}
