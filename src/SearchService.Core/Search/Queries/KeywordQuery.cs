using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents whose keyword field (locality, province, type, level) has a value equal to
/// <see cref="Value"/> ignoring case and accents: <c>locality:"tu son"</c> finds "Từ Sơn".
/// Rewritten to the matching values of the snapshot; these fields have few distinct values, so
/// their values are grouped once per snapshot (<see cref="SearchContext.KeywordsByKey"/>).
/// </summary>
public sealed class KeywordQuery : Query
{
    /// <summary>Matches values of <paramref name="field"/> equal to <paramref name="value"/> without regard to case and accents.</summary>
    public KeywordQuery(string field, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(value);
        Field = field;
        Value = value;
    }

    /// <summary>The keyword field.</summary>
    public string Field { get; }

    /// <summary>The value as typed.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var terms = new SortedDictionary<string, float>(StringComparer.Ordinal);
        if (context.KeywordsByKey(Field, FoldedKey.Compact).TryGetValue(FoldedKey.Compact(Value), out var values))
        {
            foreach (var value in values)
            {
                terms[value] = 1f;
            }
        }

        return TermExpansion.Disjunction(Field, terms, Boost);
    }

    /// <inheritdoc />
    public override Scoring.Weight CreateWeight(SearchContext context, float boost) => Rewrite(context).CreateWeight(context, boost);

    /// <inheritdoc />
    public override string ToString() => $"{Field}:{QueryText.Quote(Value)}{BoostSuffix()}";
}
