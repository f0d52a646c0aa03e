using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Scoring;

/// <summary>
/// A <see cref="BooleanQuery"/> prepared for a snapshot; per segment it assembles a conjunction
/// of the required clauses (must scored, filter not), a disjunction of the should clauses, the
/// two joined as required + optional, and must-not clauses subtracted.
/// </summary>
public sealed class BooleanWeight : Weight
{
    private readonly BooleanQuery _query;
    private readonly Weight[] _weights;

    /// <summary>Prepares every clause of <paramref name="query"/>.</summary>
    public BooleanWeight(SearchContext context, BooleanQuery query, float boost)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _weights = new Weight[query.Clauses.Count];
        for (var i = 0; i < _weights.Length; i++)
        {
            var clause = query.Clauses[i];
            _weights[i] = clause.Query.CreateWeight(context, clause.Occur is Occur.Must or Occur.Should ? boost : 0f);
        }
    }

    /// <inheritdoc />
    public override Scorer? GetScorer(LeafContext leaf)
    {
        List<Scorer>? must = null, filter = null, should = null, mustNot = null;
        for (var i = 0; i < _weights.Length; i++)
        {
            var occur = _query.Clauses[i].Occur;
            var scorer = _weights[i].GetScorer(leaf);
            if (scorer is null)
            {
                if (occur is Occur.Must or Occur.Filter)
                {
                    return null;
                }

                continue;
            }

            var list = occur switch
            {
                Occur.Must => must ??= [],
                Occur.Filter => filter ??= [],
                Occur.Should => should ??= [],
                _ => mustNot ??= [],
            };
            list.Add(scorer);
        }

        Scorer? main;
        var required = (must?.Count ?? 0) + (filter?.Count ?? 0);
        if (required > 0)
        {
            main = required == 1 && must?.Count == 1 ? must[0] : new ConjunctionScorer(must ?? [], filter ?? []);
            if (should is not null)
            {
                main = new RequiredOptionalScorer(main, should.Count == 1 ? should[0] : new DisjunctionScorer(should));
            }
        }
        else if (should is not null)
        {
            main = should.Count == 1 ? should[0] : new DisjunctionScorer(should);
        }
        else if (HasOnlyProhibitions() && _weights.Length > 0)
        {
            main = MatchAllQuery.AllDocs(leaf.Segment, 0f);
        }
        else
        {
            return null;
        }

        if (mustNot is not null)
        {
            main = new ExclusionScorer(main, mustNot.Count == 1 ? mustNot[0] : new DisjunctionScorer(mustNot));
        }

        return main;
    }

    /// <inheritdoc />
    /// <remarks>
    /// As <see cref="GetScorer"/> assembles: required clauses are led by the rarest (a broad query
    /// with a narrow filter visits the filter's documents), should clauses alone add up, and
    /// prohibitions only subtract.
    /// </remarks>
    public override long Cost(LeafContext leaf)
    {
        long required = long.MaxValue, optional = 0;
        for (var i = 0; i < _weights.Length; i++)
        {
            switch (_query.Clauses[i].Occur)
            {
                case Occur.Must or Occur.Filter:
                    required = Math.Min(required, _weights[i].Cost(leaf));
                    break;
                case Occur.Should:
                    optional += _weights[i].Cost(leaf);
                    break;
            }
        }

        return required != long.MaxValue ? required
            : optional > 0 ? optional
            : HasOnlyProhibitions() && _weights.Length > 0 ? leaf.Segment.MaxDoc : 0;
    }

    /// <inheritdoc />
    public override Explanation Explain(LeafContext leaf, int doc)
    {
        var matched = new List<Explanation>();
        var missed = new List<Explanation>();
        double must = 0, should = 0;
        var anyShould = false;
        var hasRequired = false;
        for (var i = 0; i < _weights.Length; i++)
        {
            var clause = _query.Clauses[i];
            var explanation = _weights[i].Explain(leaf, doc);
            switch (clause.Occur)
            {
                case Occur.Must:
                case Occur.Filter:
                    hasRequired = true;
                    if (!explanation.IsMatch)
                    {
                        return Explanation.NoMatch($"required clause {clause.Query} does not match", explanation);
                    }

                    if (clause.Occur == Occur.Must)
                    {
                        must += explanation.Value;
                        matched.Add(explanation);
                    }
                    else
                    {
                        matched.Add(Explanation.Leaf(0, $"filter {clause.Query} matches (no score)"));
                    }

                    break;
                case Occur.MustNot:
                    if (explanation.IsMatch)
                    {
                        return Explanation.NoMatch($"prohibited clause {clause.Query} matches", explanation);
                    }

                    break;
                default:
                    if (explanation.IsMatch)
                    {
                        should += explanation.Value;
                        anyShould = true;
                        matched.Add(explanation);
                    }
                    else
                    {
                        missed.Add(explanation);
                    }

                    break;
            }
        }

        // As GetScorer: no clauses at all match nothing; only prohibitions match everything else.
        if (!hasRequired && !anyShould && !(HasOnlyProhibitions() && _weights.Length > 0))
        {
            return Explanation.NoMatch("no should clause matches", [.. missed]);
        }

        var total = hasRequired && anyShould ? (float)((double)(float)must + (float)should) : hasRequired ? (float)must : (float)should;
        return new Explanation(total, "sum of matching clauses", matched);
    }

    private bool HasOnlyProhibitions()
    {
        foreach (var clause in _query.Clauses)
        {
            if (clause.Occur != Occur.MustNot)
            {
                return false;
            }
        }

        return true;
    }
}
