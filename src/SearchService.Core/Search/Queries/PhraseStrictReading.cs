namespace SearchService.Core.Search.Queries;

/// <summary>
/// A stricter reading of a <see cref="PhraseQuery"/> (its accented spelling, where the phrase is
/// read on folded words) scored on top of the phrase where it holds. Its <see cref="Spans"/> (the
/// accented pairs) must be in the document and bound its frequency, which is at most the phrase's;
/// it adds BM25 on that frequency with an idf summed over its spans and the words they leave
/// uncovered, times the phrase's boost and <see cref="Boost"/>. The phrase's matches are those of
/// the looser phrase alone: reading both at once verifies positions once where two phrase queries
/// (exact OR loose) would each read them, and scores as their sum.
/// </summary>
/// <param name="Spans">The stricter reading's spans over the phrase's words (at least one).</param>
/// <param name="Boost">Its weight relative to the phrase's boost.</param>
public sealed record PhraseStrictReading(IReadOnlyList<PhraseSpan> Spans, float Boost);
