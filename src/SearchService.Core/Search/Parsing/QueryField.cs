namespace SearchService.Core.Search.Parsing;

/// <summary>
/// A field the query language may name before ':', how its value is read, and the other names
/// people type for it (written folded, lower case, without '_' or '-': the parser folds what is
/// typed the same way before looking it up).
/// </summary>
/// <param name="Name">The index field.</param>
/// <param name="Kind">How a <c>field:value</c> clause reads its value.</param>
/// <param name="Aliases">Other names for the field ("tieude" for a title).</param>
public sealed record QueryField(string Name, FieldKindOfQuery Kind, IReadOnlyList<string> Aliases);
