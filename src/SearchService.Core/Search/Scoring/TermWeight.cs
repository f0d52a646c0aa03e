using System.Globalization;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Scoring;

/// <summary>A <see cref="TermQuery"/> prepared for a snapshot: its idf and the field's length table, computed once.</summary>
public sealed class TermWeight : Weight
{
    private readonly TermQuery _query;
    private readonly FieldStatistics _statistics;
    private readonly long _docFreq;
    private readonly float _idf;
    private readonly float _boost;
    private readonly TermInfo?[] _infos;

    /// <summary>Prepares <paramref name="query"/> with the product of boosts <paramref name="boost"/>.</summary>
    public TermWeight(SearchContext context, TermQuery query, float boost)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _boost = boost;
        _statistics = context.Statistics(query.Field);
        // Look the term up once per segment: the document frequency needs it and so does each scorer.
        _infos = new TermInfo?[context.Leaves.Count];
        foreach (var leaf in context.Leaves)
        {
            var field = leaf.Segment.FieldNumber(query.Field);
            if (field >= 0 && leaf.Segment.Terms.TryGet(field, query.Term, out var info))
            {
                _infos[leaf.Ordinal] = info;
                _docFreq += info.DocFreq;
            }
        }

        _idf = Bm25Similarity.Idf(_docFreq, _statistics.DocCount);
        Weight = boost * _idf;
    }

    /// <summary>boost · idf, the largest score a document can approach.</summary>
    public float Weight { get; }

    /// <inheritdoc />
    public override Scorer? GetScorer(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (leaf.Ordinal >= _infos.Length || _infos[leaf.Ordinal] is not { } info)
        {
            return null;
        }

        return new TermScorer(leaf.Segment.Postings(info), leaf.Segment, leaf.Segment.FieldNumber(_query.Field), _statistics.LengthTable, Weight);
    }

    /// <inheritdoc />
    /// <remarks>The term's document frequency in the segment, looked up once already; no postings opened.</remarks>
    public override long Cost(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        return leaf.Ordinal < _infos.Length && _infos[leaf.Ordinal] is { } info ? info.DocFreq : 0;
    }

    /// <inheritdoc />
    public override Explanation Explain(LeafContext leaf, int doc)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var scorer = GetScorer(leaf);
        if (scorer is null || scorer.Advance(doc) != doc)
        {
            return Explanation.NoMatch($"{_query.Field}:{_query.Term} is not in the document");
        }

        var tf = ((TermScorer)scorer).Postings.Freq;
        var field = leaf.Segment.FieldNumber(_query.Field);
        var norm = leaf.Segment.Norm(field, doc);
        var score = scorer.Score();
        return new Explanation(score, $"weight({_query.Field}:{_query.Term}), BM25 boost · idf · tf", [
            Explanation.Leaf(_boost, "boost"),
            new Explanation(_idf, "idf = ln(1 + (N - df + 0.5) / (df + 0.5))", [
                Explanation.Leaf(_docFreq, "df, documents with the term"),
                Explanation.Leaf(_statistics.DocCount, "N, documents with the field"),
            ]),
            new Explanation(tf / (tf + _statistics.LengthTable[norm]), "tf = freq / (freq + k1 · (1 - b + b · dl / avgdl))", [
                Explanation.Leaf(tf, "freq, occurrences in the document"),
                Explanation.Leaf(Index.Codec.NormEncoding.Decode(norm), "dl, field length (from the norm)"),
                Explanation.Leaf((float)_statistics.AverageLength, "avgdl, average field length"),
                Explanation.Leaf(_statistics.LengthTable[norm], "k1 · (1 - b + b · dl / avgdl)"),
            ]),
        ]);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_query} idf={_idf}");
}
