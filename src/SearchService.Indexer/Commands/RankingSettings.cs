using System.CommandLine;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Search.Parsing;
using SearchService.Core.Search.Scoring;

namespace SearchService.Indexer.Commands;

/// <summary>
/// The ranking knobs the eval command can turn, each defaulting to what the search uses, so an
/// ablation ("without question frames", "title boost 1", "k1 0.9") is one flag away and every
/// default is backed by a measured difference.
/// </summary>
public sealed class RankingSettings
{
    private RankingSettings()
    {
    }

    /// <summary>The BM25 similarity to rank with.</summary>
    public Bm25Similarity Similarity { get; private init; } = Bm25Similarity.Default;

    private Func<QueryParserOptions, QueryParserOptions> Change { get; init; } = o => o;

    /// <summary>The options to add to a command, and how to read them.</summary>
    public static Definition Options() => new();

    /// <summary>The parser options with these settings applied.</summary>
    public QueryParserOptions Apply(QueryParserOptions options) => Change(options);

    /// <summary>The eval command's ranking options.</summary>
    public sealed class Definition
    {
        private static readonly QueryParserOptions Defaults = ConclusionQueries.ParserOptions;

        private readonly Option<int?> _allWordsUpTo = new("--all-words-up-to") { Description = $"Longest text (content words) whose words are all required; longer ones are ranked over any word (default {Defaults.AllWordsUpTo})." };
        private readonly Option<float?> _coordination = new("--coordination") { Description = $"Exponent of the share of words matched that multiplies an any-word score, 0 = plain sum (default {Defaults.Coordination})." };
        private readonly Option<float?> _localityBoost = new("--locality-boost") { Description = $"Boost of a place the query names on the locality and province fields, 0 = none (default {Defaults.PlaceBoost})." };
        private readonly Option<bool> _noQuestionFrames = new("--no-question-frames") { Description = "Search the words of a question's frame (đúng hay sai, nào sau đây, là gì …) too." };
        private readonly Option<bool> _unmarkedStopWordsRequired = new("--unmarked-stop-words-required") { Description = "Require stop words typed without marks (cua, duoc) like other words." };
        private readonly Option<float?> _pairWeight = new("--pair-weight") { Description = $"Weight of the syllable-pair clauses, 0 = none (default {Defaults.PairWeight})." };
        private readonly Option<float?> _foldedWeight = new("--folded-weight") { Description = $"Weight of a word's folded form beside its exact form (default {Defaults.FoldedWeight})." };
        private readonly Option<float?> _titleBoost = new("--title-boost") { Description = $"Boost of the title field over the body (default {Defaults.DefaultFields[0].Value})." };
        private readonly Option<float?> _k1 = new("--k1") { Description = $"BM25 k1 (default {Bm25Similarity.Default.K1})." };
        private readonly Option<float?> _b = new("--b") { Description = $"BM25 b (default {Bm25Similarity.Default.B})." };

        /// <summary>Every option, to add to a command.</summary>
        public IEnumerable<Option> All => [_allWordsUpTo, _coordination, _localityBoost, _noQuestionFrames, _unmarkedStopWordsRequired, _pairWeight, _foldedWeight, _titleBoost, _k1, _b];

        /// <summary>The settings a parsed command line asks for; throws <see cref="ArgumentException"/> naming a bad value.</summary>
        public RankingSettings Read(ParseResult parse)
        {
            var allWordsUpTo = parse.GetValue(_allWordsUpTo);
            var noFrames = parse.GetValue(_noQuestionFrames);
            var coordination = NonNegative(parse.GetValue(_coordination), "--coordination");
            var locality = NonNegative(parse.GetValue(_localityBoost), "--locality-boost");
            var stopWordsRequired = parse.GetValue(_unmarkedStopWordsRequired);
            var pair = NonNegative(parse.GetValue(_pairWeight), "--pair-weight");
            var folded = NonNegative(parse.GetValue(_foldedWeight), "--folded-weight");
            var title = NonNegative(parse.GetValue(_titleBoost), "--title-boost");
            var k1 = NonNegative(parse.GetValue(_k1), "--k1") ?? Bm25Similarity.Default.K1;
            var b = parse.GetValue(_b) ?? Bm25Similarity.Default.B;
            if (b is < 0 or > 1)
            {
                throw new ArgumentException($"--b must be between 0 and 1, not {b}");
            }

            return new RankingSettings
            {
                Similarity = new Bm25Similarity(k1, b),
                Change = o => o with
                {
                    AllWordsUpTo = allWordsUpTo ?? o.AllWordsUpTo,
                    QuestionFrames = o.QuestionFrames && !noFrames,
                    Coordination = coordination ?? o.Coordination,
                    PlaceBoost = locality ?? o.PlaceBoost,
                    UnmarkedStopWordsOptional = o.UnmarkedStopWordsOptional && !stopWordsRequired,
                    PairWeight = pair ?? o.PairWeight,
                    FoldedWeight = folded ?? o.FoldedWeight,
                    DefaultFields = title is { } t ? [new(ConclusionFields.Title, t), new(ConclusionFields.Body, 1f)] : o.DefaultFields,
                },
            };
        }

        private static float? NonNegative(float? value, string name) =>
            value is < 0 ? throw new ArgumentException($"{name} must be at least 0, not {value}") : value;
    }
}
