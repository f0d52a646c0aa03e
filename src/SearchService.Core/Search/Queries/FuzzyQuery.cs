using System.Globalization;
using SearchService.Core.Search.Limits;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents with a term of <see cref="Field"/> within <see cref="MaxEdits"/> (1 or 2) edits of
/// <see cref="Term"/> — insertions, deletions, substitutions and swaps of neighbours (Damerau) —
/// sharing its first <see cref="PrefixLength"/> chars (typos rarely hit the first letter, and
/// the shared prefix lets the dictionary be walked from one place instead of whole). Closer terms
/// weigh more: an exact term 1, one edit 0.7, two edits 0.4. When more terms than
/// <see cref="SearchLimits.MaxFuzzyExpansions"/> are within reach the nearest (then commonest) are kept,
/// as Lucene's FuzzyQuery does.
/// </summary>
public sealed class FuzzyQuery : Query
{
    /// <summary>Matches terms of <paramref name="field"/> near <paramref name="term"/> (already normalized).</summary>
    public FuzzyQuery(string field, string term, int maxEdits = 2, int prefixLength = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(term);
        if (maxEdits is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEdits), maxEdits, "a fuzzy term allows 0, 1 or 2 edits");
        }

        Field = field;
        Term = term;
        MaxEdits = maxEdits;
        PrefixLength = Math.Clamp(prefixLength, 0, term.Length);
    }

    /// <summary>The field.</summary>
    public string Field { get; }

    /// <summary>The word as typed (normalized).</summary>
    public string Term { get; }

    /// <summary>Most edits allowed.</summary>
    public int MaxEdits { get; }

    /// <summary>Leading chars that must match exactly.</summary>
    public int PrefixLength { get; }

    /// <inheritdoc />
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = Term[..PrefixLength];
        var found = new Dictionary<string, (int Distance, long DocFreq)>(StringComparer.Ordinal);
        foreach (var (term, df) in TermExpansion.Walk(context, Field, prefix.Length > 0 ? prefix : null, t => t.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (Analysis.SyllablePairFilter.IsPairTerm(term) || Math.Abs(term.Length - Term.Length) > MaxEdits)
            {
                continue;
            }

            var distance = EditDistance.Damerau(Term, term, MaxEdits);
            if (distance <= MaxEdits)
            {
                found[term] = found.TryGetValue(term, out var seen) ? (distance, seen.DocFreq + df) : (distance, df);
            }
        }

        var ranked = new List<KeyValuePair<string, (int Distance, long DocFreq)>>(found);
        ranked.Sort(static (a, b) =>
        {
            var c = a.Value.Distance.CompareTo(b.Value.Distance);
            c = c != 0 ? c : b.Value.DocFreq.CompareTo(a.Value.DocFreq);
            return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
        });
        var limit = context.Limits.MaxFuzzyExpansions;
        var terms = new List<KeyValuePair<string, float>>();
        for (var i = 0; i < ranked.Count && i < limit; i++)
        {
            terms.Add(new(ranked[i].Key, ranked[i].Value.Distance switch { 0 => 1f, 1 => 0.7f, _ => 0.4f }));
        }

        return TermExpansion.Disjunction(Field, terms, Boost);
    }

    /// <inheritdoc />
    public override Scoring.Weight CreateWeight(SearchContext context, float boost) => Rewrite(context).CreateWeight(context, boost);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Field}:{Term}~{MaxEdits}{BoostSuffix()}");
}
