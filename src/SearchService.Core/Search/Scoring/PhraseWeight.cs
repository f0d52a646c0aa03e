using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Scoring;

/// <summary>A <see cref="PhraseQuery"/> prepared for a snapshot: the summed idf and the field's length table.</summary>
public sealed class PhraseWeight : Weight
{
    private readonly PhraseQuery _query;
    private readonly FieldStatistics _statistics;
    private readonly float _idf;
    private readonly float _boost;

    /// <summary>Prepares <paramref name="query"/> with the product of boosts <paramref name="boost"/>.</summary>
    public PhraseWeight(SearchContext context, PhraseQuery query, float boost)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _boost = boost;
        _statistics = context.Statistics(query.Field);
        double idf = 0;
        foreach (var word in query.Words)
        {
            long df = 0;
            foreach (var term in word)
            {
                df = Math.Max(df, context.DocFreq(query.Field, term));
            }

            idf += Bm25Similarity.Idf(df, _statistics.DocCount);
        }

        _idf = (float)idf;
        Weight = boost * _idf;
    }

    /// <summary>boost · summed idf.</summary>
    public float Weight { get; }

    /// <inheritdoc />
    public override Scorer? GetScorer(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var segment = leaf.Segment;
        var field = segment.FieldNumber(_query.Field);
        if (field < 0)
        {
            return null;
        }

        var words = new PhrasePosition[_query.Words.Count];
        var postings = new List<PostingsEnum>(4);
        for (var i = 0; i < words.Length; i++)
        {
            postings.Clear();
            foreach (var term in _query.Words[i])
            {
                if (segment.Terms.TryGet(field, term, out var info))
                {
                    postings.Add(segment.Postings(info));
                }
            }

            if (postings.Count == 0)
            {
                return null;
            }

            words[i] = new PhrasePosition([.. postings]);
        }

        return new PhraseScorer(words, _query.Slop, segment, field, _statistics.LengthTable, Weight);
    }

    /// <inheritdoc />
    public override Explanation Explain(LeafContext leaf, int doc)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (GetScorer(leaf) is not PhraseScorer scorer || scorer.Advance(doc) != doc)
        {
            return Explanation.NoMatch($"phrase {_query} is not in the document");
        }

        var norm = leaf.Segment.Norm(leaf.Segment.FieldNumber(_query.Field), doc);
        var freq = scorer.Frequency;
        return new Explanation(scorer.Score(), $"weight({_query}), BM25 on the phrase frequency", [
            Explanation.Leaf(_boost, "boost"),
            Explanation.Leaf(_idf, "idf, summed over the words"),
            new Explanation(freq / (freq + _statistics.LengthTable[norm]), "tf = phraseFreq / (phraseFreq + k1 · (1 - b + b · dl / avgdl))", [
                Explanation.Leaf(freq, "phraseFreq, occurrences weighted 1 / (1 + extra distance)"),
                Explanation.Leaf(Index.Codec.NormEncoding.Decode(norm), "dl, field length"),
                Explanation.Leaf((float)_statistics.AverageLength, "avgdl"),
            ]),
        ]);
    }
}
