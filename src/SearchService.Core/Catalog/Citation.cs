using SearchService.Core.Documents;

namespace SearchService.Core.Catalog;

/// <summary>One cited document as the <see cref="ConclusionFields.Citation"/> column holds it: its code, kind and resolved issuing body.</summary>
/// <param name="Code">The code as written ("18-NQ/TU").</param>
/// <param name="Kind">What kind of document the code names.</param>
/// <param name="IssuerBody">The issuing body when it was resolved ("Tỉnh ủy Bắc Ninh"), else null.</param>
public sealed record Citation(string Code, ReferenceKind Kind, string? IssuerBody)
{
    /// <summary>The column value: "code|kind|issuer" (kind as the record's JSON writes it).</summary>
    public static string Format(string code, ReferenceKind kind, string? issuerBody) =>
        string.Join('|', code, ConclusionIndexDocument.EnumValue(kind), issuerBody ?? "");

    /// <summary>Reads a column value back; null when it is not one (a value written by an older format).</summary>
    public static Citation? Parse(string value)
    {
        var parts = value.Split('|');
        if (parts.Length != 3)
        {
            return null;
        }

        var kind = ParseKind(parts[1]);
        return kind is null ? null : new Citation(parts[0], kind.Value, parts[2].Length == 0 ? null : parts[2]);
    }

    /// <summary>The kind for its JSON name ("directive"), or null.</summary>
    public static ReferenceKind? ParseKind(string name)
    {
        foreach (var kind in Enum.GetValues<ReferenceKind>())
        {
            if (ConclusionIndexDocument.EnumValue(kind) == name)
            {
                return kind;
            }
        }

        return null;
    }
}
