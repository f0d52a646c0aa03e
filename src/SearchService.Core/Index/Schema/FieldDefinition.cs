namespace SearchService.Core.Index.Schema;

/// <summary>One named field of a schema.</summary>
/// <param name="Name">The field's name.</param>
/// <param name="Kind">How its values are indexed.</param>
/// <param name="Stored">Whether the values are kept to be returned with hits.</param>
public sealed record FieldDefinition(string Name, FieldKind Kind, bool Stored = true);
