using SearchService.Core.Analysis;
using SearchService.Core.Catalog;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// The names a user may put before ':' and the conclusion field each means; Vietnamese names
/// count with or without accents ("tiêu đề", "tieude").
/// </summary>
internal static class FieldAliases
{
    private static readonly Dictionary<string, (string Field, FieldKindOfQuery Kind)> Aliases = Build();

    /// <summary>The field and kind for <paramref name="name"/>, or null when it is not a field.</summary>
    public static (string Field, FieldKindOfQuery Kind)? Find(string name)
    {
        if (name.Length == 0)
        {
            return null;
        }

        var key = VietnameseAlphabet.FoldString(name.ToLowerInvariant()).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return Aliases.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>The canonical field names, for error messages.</summary>
    public static string Known => "title, body, locality, province, level, type, code, signer, date, year";

    private static Dictionary<string, (string, FieldKindOfQuery)> Build()
    {
        var map = new Dictionary<string, (string, FieldKindOfQuery)>(StringComparer.Ordinal);
        void Add(string field, FieldKindOfQuery kind, params string[] names)
        {
            map[field] = (field, kind);
            foreach (var name in names)
            {
                map[name] = (field, kind);
            }
        }

        Add(ConclusionFields.Title, FieldKindOfQuery.Text, "tieude", "ten", "heading");
        Add(ConclusionFields.Body, FieldKindOfQuery.Text, "noidung", "text", "content");
        Add(ConclusionFields.Signer, FieldKindOfQuery.Text, "nguoiky", "ky", "signedby");
        Add(ConclusionFields.Locality, FieldKindOfQuery.Keyword, "diaphuong", "place", "noi");
        Add(ConclusionFields.Province, FieldKindOfQuery.Keyword, "tinh", "thanhpho");
        Add(ConclusionFields.Level, FieldKindOfQuery.Keyword, "cap");
        Add(ConclusionFields.Type, FieldKindOfQuery.Keyword, "loai", "kind");
        Add(ConclusionFields.Code, FieldKindOfQuery.Code, "so", "ma", "sohieu", "cites", "kyhieu");
        Add(ConclusionFields.Date, FieldKindOfQuery.Date, "ngay");
        Add(ConclusionFields.Year, FieldKindOfQuery.Year, "nam");
        return map;
    }
}
