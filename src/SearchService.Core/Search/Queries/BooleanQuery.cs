using SearchService.Core.Search.Limits;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Clauses combined as Lucene's BooleanQuery: every must and filter clause has to match, no
/// must-not clause may, and when there is neither must nor filter at least one should clause has
/// to. Must and should clauses add to the score; filters and must-nots never do. No clauses
/// matches nothing; only must-not clauses match everything else.
/// </summary>
public sealed class BooleanQuery : Query
{
    /// <summary>Combines <paramref name="clauses"/>.</summary>
    public BooleanQuery(IEnumerable<BooleanClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        Clauses = [.. clauses];
        var count = 0;
        foreach (var clause in Clauses)
        {
            count += clause.Query.ClauseCount;
        }

        ClauseCount = count;
    }

    /// <summary>The clauses, in order (scores are summed in this order).</summary>
    public IReadOnlyList<BooleanClause> Clauses { get; }

    /// <inheritdoc />
    public override int ClauseCount { get; }

    /// <inheritdoc />
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var changed = false;
        var rewritten = new BooleanClause[Clauses.Count];
        for (var i = 0; i < Clauses.Count; i++)
        {
            var query = Clauses[i].Query.Rewrite(context);
            changed |= !ReferenceEquals(query, Clauses[i].Query);
            rewritten[i] = Clauses[i] with { Query = query };
        }

        var result = changed ? new BooleanQuery(rewritten) { Boost = Boost } : this;
        if (result.ClauseCount > context.Limits.MaxClauses)
        {
            throw new TooManyClausesException(context.Limits.MaxClauses, result.ClauseCount);
        }

        return result;
    }

    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost) => new BooleanWeight(context, this, boost * Boost);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<(string Field, string Term)> terms)
    {
        foreach (var clause in Clauses)
        {
            if (clause.Occur != Occur.MustNot)
            {
                clause.Query.ExtractTerms(terms);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(Clauses.Count);
        foreach (var clause in Clauses)
        {
            var prefix = clause.Occur switch
            {
                Occur.Must => "+",
                Occur.MustNot => "-",
                Occur.Filter => "#",
                _ => "",
            };
            parts.Add(prefix + clause.Query);
        }

        return "(" + string.Join(' ', parts) + ")" + BoostSuffix();
    }
}
