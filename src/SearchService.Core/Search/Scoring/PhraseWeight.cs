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
    private readonly float _strictIdf;
    private readonly float _strictBoost;

    /// <summary>Prepares <paramref name="query"/> with the product of boosts <paramref name="boost"/>.</summary>
    public PhraseWeight(SearchContext context, PhraseQuery query, float boost)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
        _boost = boost;
        _statistics = context.Statistics(query.Field);
        _idf = SummedIdf(context, query.Spans);
        Weight = boost * _idf;
        if (query.Strict is { } strict)
        {
            _strictBoost = boost * strict.Boost;
            _strictIdf = SummedIdf(context, strict.Spans);
            StrictWeight = _strictBoost * _strictIdf;
        }
    }

    /// <summary>boost · summed idf.</summary>
    public float Weight { get; }

    /// <summary>boost · the strict reading's boost · its summed idf (0 without a strict reading).</summary>
    public float StrictWeight { get; }

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

        // A phrase of one word is its terms' frequency; longer ones read positions, so only the
        // alternatives that kept them can stand at a word (an index marks a term alike everywhere).
        var positioned = _query.Words.Count > 1;
        var words = new PhrasePosition[_query.Words.Count];
        for (var i = 0; i < words.Length; i++)
        {
            if (Open(segment, field, _query.Words[i], positioned) is not { } word)
            {
                return null;
            }

            words[i] = word;
        }

        var spans = new PhrasePosition[_query.Spans.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            if (Open(segment, field, _query.Spans[i].Terms, positioned: false) is not { } span)
            {
                return null;
            }

            spans[i] = span;
        }

        var strictSpans = new PhrasePosition[_query.Strict?.Spans.Count ?? 0];
        for (var i = 0; i < strictSpans.Length; i++)
        {
            // A strict span the segment lacks leaves the phrase's matches as they are, without the strict score.
            if (Open(segment, field, _query.Strict!.Spans[i].Terms, positioned: false) is not { } span)
            {
                strictSpans = [];
                break;
            }

            strictSpans[i] = span;
        }

        var strict = new PhraseStrictPart(strictSpans, strictSpans.Length == 0 ? 0f : StrictWeight);
        var covered = new bool[words.Length];
        for (var i = 0; i < covered.Length; i++)
        {
            covered[i] = _query.IsCovered(i);
        }

        return new PhraseScorer(words, spans, covered, strict, _query.Slop, segment, field, _statistics.LengthTable, Weight);
    }

    /// <inheritdoc />
    /// <remarks>
    /// As the scorer leads: the shortest of the spans and the words no span covers, each the sum
    /// of its alternatives' document frequencies; 0 when a word or span is not in the segment.
    /// No postings are opened.
    /// </remarks>
    public override long Cost(LeafContext leaf)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var segment = leaf.Segment;
        var field = segment.FieldNumber(_query.Field);
        if (field < 0)
        {
            return 0;
        }

        var lead = long.MaxValue;
        for (var i = 0; i < _query.Words.Count; i++)
        {
            var freq = DocFreq(segment, field, _query.Words[i]);
            if (freq == 0)
            {
                return 0;
            }

            if (!_query.IsCovered(i) || _query.Spans.Count == 0)
            {
                lead = Math.Min(lead, freq);
            }
        }

        foreach (var span in _query.Spans)
        {
            var freq = DocFreq(segment, field, span.Terms);
            if (freq == 0)
            {
                return 0;
            }

            lead = Math.Min(lead, freq);
        }

        return lead == long.MaxValue ? 0 : lead;
    }

    private static long DocFreq(SegmentReader segment, int field, IReadOnlyList<string> terms)
    {
        long freq = 0;
        foreach (var term in terms)
        {
            if (segment.Terms.TryGet(field, term, out var info))
            {
                freq += info.DocFreq;
            }
        }

        return freq;
    }

    /// <summary>Idf summed over <paramref name="spans"/> and the words none of them covers.</summary>
    private float SummedIdf(SearchContext context, IReadOnlyList<Queries.PhraseSpan> spans)
    {
        double idf = 0;
        foreach (var span in spans)
        {
            idf += Idf(context, span.Terms);
        }

        for (var i = 0; i < _query.Words.Count; i++)
        {
            if (!PhraseQuery.IsCovered(spans, i))
            {
                idf += Idf(context, _query.Words[i]);
            }
        }

        return (float)idf;
    }

    private static PhrasePosition? Open(SegmentReader segment, int field, IReadOnlyList<string> terms, bool positioned)
    {
        var postings = new List<PostingsEnum>(terms.Count);
        foreach (var term in terms)
        {
            if (segment.Terms.TryGet(field, term, out var info) && (!positioned || info.HasPositions))
            {
                postings.Add(segment.Postings(info));
            }
        }

        return postings.Count == 0 ? null : new PhrasePosition([.. postings]);
    }

    private double Idf(SearchContext context, IReadOnlyList<string> alternatives)
    {
        long df = 0;
        foreach (var term in alternatives)
        {
            df = Math.Max(df, context.DocFreq(_query.Field, term));
        }

        return Bm25Similarity.Idf(df, _statistics.DocCount);
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
        var phrase = Part(scorer.PhraseScore(), $"weight({_query}), BM25 on the phrase frequency", _boost, _idf, scorer.Frequency, norm);
        if (scorer.StrictFrequency <= 0)
        {
            return phrase;
        }

        var strict = Part(scorer.StrictScore(), "the strict reading, BM25 on its frequency (the phrase's, bounded by its spans')", _strictBoost, _strictIdf, scorer.StrictFrequency, norm);
        return new Explanation(scorer.Score(), "sum of the strict reading and the phrase", [strict, phrase]);
    }

    private Explanation Part(float score, string description, float boost, float idf, float freq, byte norm) =>
        new(score, description, [
            Explanation.Leaf(boost, "boost"),
            Explanation.Leaf(idf, "idf, summed over the spans and the words outside them"),
            new Explanation(freq / (freq + _statistics.LengthTable[norm]), "tf = phraseFreq / (phraseFreq + k1 · (1 - b + b · dl / avgdl))", [
                Explanation.Leaf(freq, "phraseFreq, occurrences weighted 1 / (1 + extra distance)"),
                Explanation.Leaf(Index.Codec.NormEncoding.Decode(norm), "dl, field length"),
                Explanation.Leaf((float)_statistics.AverageLength, "avgdl"),
            ]),
        ]);
}
