using SearchService.Core.Search.Limits;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents with a term of <see cref="Field"/> starting with <see cref="Prefix"/> ("giải*").
/// Rewritten to a disjunction of the matching terms; more than
/// <see cref="SearchLimits.MaxPrefixExpansions"/> throws <see cref="TooManyExpansionsException"/>.
/// Syllable-pair terms ("giải_phóng") are left out unless the prefix has a '_' itself, so a
/// prefix counts each word once.
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

    /// <summary>The field.</summary>
    public string Field { get; }

    /// <summary>The prefix.</summary>
    public string Prefix { get; }

    /// <inheritdoc />
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pairs = Prefix.Contains('_', StringComparison.Ordinal);
        var terms = new SortedDictionary<string, float>(StringComparer.Ordinal);
        var limit = context.Limits.MaxPrefixExpansions;
        foreach (var (term, _) in TermExpansion.Walk(context, Field, Prefix, t => t.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            if (!pairs && term.Contains('_', StringComparison.Ordinal))
            {
                continue;
            }

            terms[term] = 1f;
            if (terms.Count > limit)
            {
                throw new TooManyExpansionsException(Prefix + "*", limit, terms.Count);
            }
        }

        return TermExpansion.Disjunction(Field, terms, Boost);
    }

    /// <inheritdoc />
    public override Scoring.Weight CreateWeight(SearchContext context, float boost) => Rewrite(context).CreateWeight(context, boost);

    /// <inheritdoc />
    public override string ToString() => $"{Field}:{Prefix}*{BoostSuffix()}";
}
