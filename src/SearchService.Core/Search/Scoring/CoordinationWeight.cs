using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Scoring;

/// <summary>A <see cref="CoordinationQuery"/> prepared for a snapshot: its clauses' weights and the coordination factor per count of matched words.</summary>
public sealed class CoordinationWeight : Weight
{
    private readonly CoordinationQuery _query;
    private readonly Weight[] _words;
    private readonly Weight[] _extras;
    private readonly float[] _factors;

    /// <summary>Prepares <paramref name="query"/> with the product of boosts <paramref name="boost"/>.</summary>
    public CoordinationWeight(SearchContext context, CoordinationQuery query, float boost)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _words = query.Words.Select(q => q.CreateWeight(context, boost)).ToArray();
        _extras = query.Extras.Select(q => q.CreateWeight(context, boost)).ToArray();

        // Counted against all the query's words, not those a segment has, so a document scores the same in any segment.
        _factors = new float[_words.Length + 1];
        for (var m = 0; m < _factors.Length; m++)
        {
            _factors[m] = (float)Math.Pow(m / (double)_words.Length, query.Exponent);
        }
    }

    /// <inheritdoc />
    public override Scorer? GetScorer(LeafContext leaf)
    {
        var subs = new List<Scorer>(_words.Length + _extras.Length);
        var counted = 0;
        foreach (var weight in _words)
        {
            if (weight.GetScorer(leaf) is { } scorer)
            {
                subs.Add(scorer);
                counted++;
            }
        }

        if (counted == 0)
        {
            return null; // extras alone (a pair) never match without a word
        }

        foreach (var weight in _extras)
        {
            if (weight.GetScorer(leaf) is { } scorer)
            {
                subs.Add(scorer);
            }
        }

        return new CoordinationScorer(subs.Count == 1 ? subs[0] : new DisjunctionScorer(subs), subs.GetRange(0, counted).ToArray(), _factors);
    }

    /// <inheritdoc />
    public override Explanation Explain(LeafContext leaf, int doc)
    {
        var matched = new List<Explanation>();
        double sum = 0;
        var words = 0;
        for (var i = 0; i < _words.Length + _extras.Length; i++)
        {
            var explanation = i < _words.Length ? _words[i].Explain(leaf, doc) : _extras[i - _words.Length].Explain(leaf, doc);
            if (explanation.IsMatch)
            {
                sum += explanation.Value;
                matched.Add(explanation);
                words += i < _words.Length ? 1 : 0;
            }
        }

        if (words == 0)
        {
            return Explanation.NoMatch($"no word of {_query} matches");
        }

        var factor = _factors[words];
        return new Explanation((float)sum * factor, "sum of matching clauses × coordination", [
            new Explanation((float)sum, "sum of matching clauses", matched),
            Explanation.Leaf(factor, $"coordination ({words} of {_words.Length} words)^{_query.Exponent}"),
        ]);
    }
}
