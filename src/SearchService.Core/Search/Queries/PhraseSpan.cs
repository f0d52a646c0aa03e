namespace SearchService.Core.Search.Queries;

/// <summary>
/// Index terms that stand for words <see cref="First"/> to <see cref="Last"/> of a
/// <see cref="PhraseQuery"/> standing together, read without positions: the pair term of two
/// adjacent syllables ("giải_phóng"), or the accented form of one word whose positions the index
/// keeps on its folded form only. A document must hold one of <see cref="Terms"/>; the phrase
/// occurs there at most as often as they do, and a span covering every word of an exact phrase
/// is the phrase (its terms' frequency is the phrase's; other spans then add nothing). So a phrase finds its candidates by these short
/// postings, verifies adjacency on the words' positions, and is no more frequent than its
/// accented pairs — the exact count wherever a document writes the phrase one way.
/// </summary>
/// <param name="First">The first word covered (from 0).</param>
/// <param name="Last">The last word covered (at least <paramref name="First"/>).</param>
/// <param name="Terms">Alternative terms, any of which marks the words standing together.</param>
public sealed record PhraseSpan(int First, int Last, IReadOnlyList<string> Terms);
