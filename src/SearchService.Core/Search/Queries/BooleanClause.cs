namespace SearchService.Core.Search.Queries;

/// <summary>A clause of a <see cref="BooleanQuery"/>.</summary>
/// <param name="Query">What the clause matches.</param>
/// <param name="Occur">How it takes part.</param>
public sealed record BooleanClause(Query Query, Occur Occur);
