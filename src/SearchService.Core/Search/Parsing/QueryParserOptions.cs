using SearchService.Core.Analysis;
using SearchService.Core.Search.Limits;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// How the parser turns typed words into weighted clauses, and the field table it does it over.
/// The weights encode the ranking rules: a title match above a body match, an exact accented
/// match above a match of the folded form only, adjacent syllables (pair terms) above scattered
/// ones, and a cited document's exact code above its parts. The fields (which names a query may
/// use, the default fields and their boosts, the code field, how a named place is found) come
/// from the caller: the engine knows no schema.
/// </summary>
public sealed record QueryParserOptions
{
    /// <summary>How side-by-side words combine.</summary>
    public DefaultOperator DefaultOperator { get; init; } = DefaultOperator.And;

    /// <summary>
    /// The longest text (in content words) whose words are all required; a longer one is ranked
    /// over any of its words (<see cref="MatchStrategy.AnyWordRanked"/>). Applies when the default
    /// operator is AND and the request lets words relax.
    /// </summary>
    public int AllWordsUpTo { get; init; } = 3;

    /// <summary>
    /// How much a document missing some of a text's words loses when any word may match: its
    /// score times (matched / words)^this (see <see cref="Queries.CoordinationQuery"/>); 0 = plain sum.
    /// </summary>
    public float Coordination { get; init; } = 2f;

    /// <summary>
    /// Boost of a place the text names (one <see cref="Places"/> finds, with or without marks) on
    /// the keyword fields it gives: an optional clause, so that place's documents rank first;
    /// 0 = no such clause.
    /// </summary>
    public float PlaceBoost { get; init; } = 2f;

    /// <summary>
    /// Finds the place two to four syllables name ("tu son" → Từ Sơn on locality), or null; null
    /// (the default) = no place clauses.
    /// </summary>
    public Func<string, NamedPlace?>? Places { get; init; }

    /// <summary>Leave a question's frame ("đúng hay sai", "nào sau đây", "là gì" …) out of the words searched.</summary>
    public bool QuestionFrames { get; init; } = true;

    /// <summary>Keep stop words typed without marks ("cua", "duoc") optional instead of required.</summary>
    public bool UnmarkedStopWordsOptional { get; init; } = true;

    /// <summary>The fields a query may name before ':' (in the order an error message lists them), with their aliases.</summary>
    public IReadOnlyList<QueryField> Fields { get; init; } = [];

    /// <summary>The text fields plain words search, with their boosts.</summary>
    public IReadOnlyList<KeyValuePair<string, float>> DefaultFields { get; init; } = [];

    /// <summary>
    /// The short text field where a lone syllable typed without marks weighs as a folded match
    /// (a collision with another accented word there would outweigh the body's evidence); null = none.
    /// </summary>
    public string? TitleField { get; init; }

    /// <summary>The keyword field of cited codes that a code typed in the text is boosted on; null = no code clauses.</summary>
    public string? CodeField { get; init; }

    /// <summary>
    /// Weight of the accent-folded alternative of a word, relative to its exact form. A document
    /// with the exact accents matches both terms and so outscores one matching the folded form only.
    /// </summary>
    public float FoldedWeight { get; init; } = 0.5f;

    /// <summary>Weight of a syllable-pair term ("giải_phóng"), an optional clause that ranks adjacent syllables first.</summary>
    public float PairWeight { get; init; } = 1.5f;

    /// <summary>Weight of an abbreviation alternative ("ubnd" for "ủy ban nhân dân") relative to the spelled-out words.</summary>
    public float SynonymWeight { get; init; } = 0.9f;

    /// <summary>Boost of a cited document's full code in the <see cref="CodeField"/>, so the citing documents rank first.</summary>
    public float CodeBoost { get; init; } = 4.0f;

    /// <summary>Cost bounds (query length, clause count).</summary>
    public SearchLimits Limits { get; init; } = SearchLimits.Default;

    /// <summary>
    /// The analysis the index was built with; the parser analyzes words with it plus stop-word
    /// removal, and phrases with it as is. Only an index built with other options (the eval
    /// command's variants) needs anything but the default.
    /// </summary>
    public VietnameseAnalyzerOptions Analysis { get; init; } = VietnameseAnalyzerOptions.Indexing;
}
