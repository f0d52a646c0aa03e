using SearchService.Core.Search.Limits;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents with a term of <see cref="Field"/> starting with <see cref="Prefix"/> ("giải*").
/// Rewritten to a disjunction of the matching terms; more than
/// <see cref="SearchLimits.MaxPrefixExpansions"/> throws <see cref="TooManyExpansionsException"/>.
/// Syllable-pair terms ("giải_phóng") are left out unless the prefix has a '_' itself, so a
/// prefix counts each word once. Up to <see cref="ScoredExpansions"/> terms are ranked by BM25;
/// more become a constant-score <see cref="TermSetQuery"/>.
/// </summary>
public sealed class PrefixQuery : Query
{
    /// <summary>Matches terms of <paramref name="field"/> starting with <paramref name="prefix"/> (already normalized).</summary>
    public PrefixQuery(string field, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Field = field;
        Prefix = prefix;
    }

    /// <summary>Expansions up to which matches are ranked by BM25; beyond, every match scores the boost.</summary>
    public const int ScoredExpansions = 16;

    /// <summary>The field.</summary>
    public string Field { get; }

    /// <summary>The prefix.</summary>
    public string Prefix { get; }

    /// <inheritdoc />
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pairs = Analysis.SyllablePairFilter.IsPairTerm(Prefix);
        var terms = new SortedDictionary<string, float>(StringComparer.Ordinal);
        var limit = context.Limits.MaxPrefixExpansions;
        foreach (var (term, _) in TermExpansion.Walk(context, Field, Prefix, t => t.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            if (!pairs && Analysis.SyllablePairFilter.IsPairTerm(term))
            {
                continue;
            }

            terms[term] = 1f;
            if (terms.Count > limit)
            {
                throw new TooManyExpansionsException(Prefix + "*", limit, terms.Count);
            }
        }

        // A few words: rank them by BM25 like typed words. Many: a constant score, as Lucene does.
        return terms.Count <= ScoredExpansions
            ? TermExpansion.Disjunction(Field, terms, Boost)
            : new TermSetQuery(Field, [.. terms.Keys]) { Boost = Boost };
    }

    /// <inheritdoc />
    public override Scoring.Weight CreateWeight(SearchContext context, float boost) => Rewrite(context).CreateWeight(context, boost);

    /// <inheritdoc />
    public override string ToString() => $"{Field}:{Prefix}*{BoostSuffix()}";
}
