namespace SearchService.Core.Search.Parsing;

/// <summary>
/// A place a query's words name, as the caller's <see cref="QueryParserOptions.Places"/> hook
/// finds it: the keyword value to boost and the keyword fields to boost it on.
/// </summary>
/// <param name="Value">The keyword value as the index holds it ("Từ Sơn").</param>
/// <param name="Fields">The keyword fields that value is boosted on, in clause order.</param>
public sealed record NamedPlace(string Value, IReadOnlyList<string> Fields);
