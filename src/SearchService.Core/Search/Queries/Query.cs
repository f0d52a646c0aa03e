using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// What to find: a tree of query nodes built by <see cref="Parsing.QueryParser"/> or by hand.
/// Queries are immutable descriptions; <see cref="Rewrite"/> expands patterns (prefixes, fuzzy
/// words, case-insensitive keywords) into plain terms against a snapshot, and
/// <see cref="CreateWeight"/> prepares the result for scoring.
/// </summary>
public abstract class Query
{
    /// <summary>Multiplies this query's scores (a title clause above a body clause, folded matches below exact ones).</summary>
    public float Boost { get; init; } = 1f;

    /// <summary>Leaf clauses this query counts against <see cref="Limits.SearchLimits.MaxClauses"/>.</summary>
    public virtual int ClauseCount => 1;

    /// <summary>The query with every pattern expanded to the terms of <paramref name="context"/>'s snapshot (this when nothing changes).</summary>
    public virtual Query Rewrite(SearchContext context) => this;

    /// <summary>Prepares a rewritten query for scoring; <paramref name="boost"/> is the product of the enclosing queries' boosts.</summary>
    public abstract Weight CreateWeight(SearchContext context, float boost);

    /// <summary>Adds the index terms a rewritten query looks for, per field, to <paramref name="terms"/> (must-not clauses excluded).</summary>
    public virtual void ExtractTerms(ISet<(string Field, string Term)> terms)
    {
    }

    /// <summary>
    /// The index terms this query matches, per field, in <paramref name="context"/>'s snapshot: what a
    /// highlighter marks. Patterns are expanded first, so "giai*" lists "giai", "giai_phong" …
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> MatchedTerms(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var terms = new SortedSet<(string Field, string Term)>();
        Rewrite(context).ExtractTerms(terms);
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (field, term) in terms)
        {
            if (!result.TryGetValue(field, out var list))
            {
                list = new List<string>();
                result[field] = list;
            }

            ((List<string>)list).Add(term);
        }

        return result;
    }

    /// <summary>The query in the parser's syntax, for logs and explanations.</summary>
    public abstract override string ToString();

    /// <summary>"^boost" when the boost is not 1.</summary>
    protected string BoostSuffix() =>
        Boost == 1f ? "" : "^" + Boost.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
