namespace SearchService.Core.Search;

/// <summary>One collected hit: its snapshot-wide document number, score and sort value.</summary>
/// <param name="Doc">The document number in the snapshot (segment base + segment doc).</param>
/// <param name="Score">Its relevance score.</param>
/// <param name="SortValue">The sort field's value when sorting by a numeric field (long.MinValue when the document has none), 0 for relevance.</param>
public readonly record struct ScoreDoc(int Doc, float Score, long SortValue);
