namespace SearchService.Core.Search.Queries;

/// <summary>Shared steps of the queries that expand to terms: walking a field's dictionary in every segment and the resulting disjunction.</summary>
internal static class TermExpansion
{
    /// <summary>
    /// The terms of <paramref name="field"/> from <paramref name="from"/> on, in every segment, for as long as
    /// <paramref name="keepGoing"/> holds (dictionaries are sorted, so a prefix walk stops at the first term past it).
    /// </summary>
    public static IEnumerable<(string Term, int DocFreq)> Walk(SearchContext context, string field, string? from, Func<string, bool> keepGoing)
    {
        foreach (var leaf in context.Leaves)
        {
            var number = leaf.Segment.FieldNumber(field);
            if (number < 0)
            {
                continue;
            }

            var steps = 0;
            foreach (var (term, info) in leaf.Segment.Terms.Enumerate(number, from))
            {
                if ((++steps & 255) == 0)
                {
                    context.Cancellation.ThrowIfCancellationRequested();
                }

                if (!keepGoing(term))
                {
                    break;
                }

                yield return (term, info.DocFreq);
            }
        }
    }

    /// <summary>A should-disjunction of <paramref name="terms"/> (term → boost), boosted as the original query.</summary>
    public static BooleanQuery Disjunction(string field, IEnumerable<KeyValuePair<string, float>> terms, float boost)
    {
        var clauses = new List<BooleanClause>();
        foreach (var (term, termBoost) in terms)
        {
            clauses.Add(new BooleanClause(new TermQuery(field, term) { Boost = termBoost }, Occur.Should));
        }

        return new BooleanQuery(clauses) { Boost = boost };
    }
}
