using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Search.Limits;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// How the parser turns typed words into weighted clauses. The weights encode the ranking
/// rules: a title match above a body match, an exact accented match above a match of the folded
/// form only, adjacent syllables (pair terms) above scattered ones, and a cited document's exact
/// code above its parts.
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
    /// Boost of a place the text names (a locality or province the gazetteer knows, with or without
    /// marks) on the locality and province fields: an optional clause, so that place's documents
    /// rank first; 0 = no such clause.
    /// </summary>
    public float LocalityBoost { get; init; } = 2f;

    /// <summary>Leave a question's frame ("đúng hay sai", "nào sau đây", "là gì" …) out of the words searched.</summary>
    public bool QuestionFrames { get; init; } = true;

    /// <summary>Keep stop words typed without marks ("cua", "duoc") optional instead of required.</summary>
    public bool UnmarkedStopWordsOptional { get; init; } = true;

    /// <summary>The text fields plain words search, with their boosts.</summary>
    public IReadOnlyList<KeyValuePair<string, float>> DefaultFields { get; init; } =
    [
        new(ConclusionFields.Title, 2.0f),
        new(ConclusionFields.Body, 1.0f),
    ];

    /// <summary>
    /// Weight of the accent-folded alternative of a word, relative to its exact form. A document
    /// with the exact accents matches both terms and so outscores one matching the folded form only.
    /// </summary>
    public float FoldedWeight { get; init; } = 0.5f;

    /// <summary>Weight of a syllable-pair term ("giải_phóng"), an optional clause that ranks adjacent syllables first.</summary>
    public float PairWeight { get; init; } = 1.5f;

    /// <summary>Weight of an abbreviation alternative ("ubnd" for "ủy ban nhân dân") relative to the spelled-out words.</summary>
    public float SynonymWeight { get; init; } = 0.9f;

    /// <summary>Boost of a cited document's full code in the keyword field <c>code</c>, so the citing documents rank first.</summary>
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
