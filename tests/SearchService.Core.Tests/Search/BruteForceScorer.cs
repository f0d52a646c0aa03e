using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Queries;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// The reference the engine is checked against: every document of a snapshot (deleted ones
/// included, as their terms still count in statistics) re-analyzed from its stored text, and
/// queries evaluated by scanning all of them, with no postings, skipping or pruning. Only the
/// BM25 formula itself is shared with the engine.
/// </summary>
internal sealed class BruteForceScorer
{
    private readonly List<Dictionary<string, Dictionary<string, List<int>>>> _docs = [];
    private readonly List<Dictionary<string, int>> _lengths = [];
    private readonly List<bool> _live = [];
    private readonly List<long?> _dates = [];
    private readonly HashSet<string> _withoutPositions = new(StringComparer.Ordinal);
    private readonly Bm25Similarity _similarity = Bm25Similarity.Default;

    public BruteForceScorer(IndexSnapshot snapshot, IReadOnlyList<string> textFields)
    {
        for (var doc = 0; doc < snapshot.MaxDoc; doc++)
        {
            var (segment, local) = snapshot.Locate(doc);
            var stored = segment.Document(local);
            var fields = new Dictionary<string, Dictionary<string, List<int>>>();
            var lengths = new Dictionary<string, int>();
            foreach (var field in textFields)
            {
                var text = string.Join('\n', stored.Where(v => v.Field == field).Select(v => (string)v.Value));
                var terms = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                var length = 0;
                var previous = -1;
                foreach (var token in VietnameseAnalyzer.Indexing.Analyze(text))
                {
                    if (token.Position != previous)
                    {
                        length++;
                        previous = token.Position;
                    }

                    if (!terms.TryGetValue(token.Term, out var positions))
                    {
                        terms[token.Term] = positions = [];
                    }

                    positions.Add(token.Position);
                    if (!token.IndexPositions)
                    {
                        _withoutPositions.Add(token.Term);
                    }
                }

                fields[field] = terms;
                lengths[field] = length;
            }

            _docs.Add(fields);
            _lengths.Add(lengths);
            _live.Add(!segment.IsDeleted(local));
            _dates.Add(stored.Where(v => v.Field == ConclusionFields.Date).Select(v => (long?)(long)v.Value).FirstOrDefault());
        }
    }

    public int MaxDoc => _docs.Count;

    public IEnumerable<string> Terms(string field) => _docs.SelectMany(d => d[field].Keys).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Every live match with its score, best first, ties by document.</summary>
    public List<(int Doc, float Score)> Search(Query query)
    {
        var hits = new List<(int Doc, float Score)>();
        for (var doc = 0; doc < _docs.Count; doc++)
        {
            if (_live[doc] && Evaluate(query, doc, 1f) is { } score)
            {
                hits.Add((doc, score));
            }
        }

        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Doc)];
    }

    private float? Evaluate(Query query, int doc, float boost)
    {
        boost *= query.Boost;
        switch (query)
        {
            case TermQuery term:
            {
                if (!_docs[doc][term.Field].TryGetValue(term.Term, out var positions))
                {
                    return null;
                }

                var weight = boost * Bm25Similarity.Idf(DocFreq(term.Field, term.Term), DocCount(term.Field));
                return Bm25Similarity.Score(weight, positions.Count, LengthPart(term.Field, doc));
            }

            case PhraseQuery phrase:
            {
                // As PhraseQuery says: a phrase of several words stands only on terms with positions;
                // one word read without positions, or an exact phrase a span covers whole (that span
                // alone), counts occurrences; every span's terms must be there and bound the frequency.
                var terms = _docs[doc][phrase.Field];
                int Count(IEnumerable<string> alternatives) => alternatives.Sum(t => terms.TryGetValue(t, out var p) ? p.Count : 0);
                var whole = phrase.Slop == 0 && phrase.Words.Count > 1 ? phrase.Spans.FirstOrDefault(s => s.First == 0 && s.Last == phrase.Words.Count - 1) : null;
                float freq;
                if (whole is not null)
                {
                    freq = Count(whole.Terms);
                }
                else if (phrase.Words.Count == 1 && phrase.Words[0].Any(_withoutPositions.Contains))
                {
                    freq = Count(phrase.Words[0]);
                }
                else
                {
                    var words = phrase.Words.Select(alternatives => alternatives
                        .Where(t => phrase.Words.Count == 1 || !_withoutPositions.Contains(t))
                        .SelectMany(t => terms.TryGetValue(t, out var p) ? p : [])
                        .Distinct().Order().ToList()).ToList();
                    freq = PhraseFrequency(words, phrase.Slop);
                }

                foreach (var span in whole is null ? phrase.Spans : [])
                {
                    freq = Math.Min(freq, Count(span.Terms));
                }

                if (freq == 0)
                {
                    return null;
                }

                var score = Bm25Similarity.Score(boost * PhraseIdf(phrase, whole, phrase.Spans), freq, LengthPart(phrase.Field, doc));
                if (phrase.Strict is not { } strict)
                {
                    return score;
                }

                // The strict reading: the phrase's frequency bounded by its spans (all present), or read
                // whole from the span covering every word; scored on top as "strict OR phrase" sums.
                var strictWhole = whole is null ? null : strict.Spans.FirstOrDefault(s => s.First == 0 && s.Last == phrase.Words.Count - 1);
                var strictFreq = strictWhole is not null ? Count(strictWhole.Terms) : freq;
                foreach (var span in strictWhole is null ? strict.Spans : [])
                {
                    strictFreq = Math.Min(strictFreq, Count(span.Terms));
                }

                if (strictFreq <= 0)
                {
                    return score;
                }

                var strictScore = Bm25Similarity.Score(boost * strict.Boost * PhraseIdf(phrase, strictWhole, strict.Spans), strictFreq, LengthPart(phrase.Field, doc));
                return (float)((double)strictScore + score);
            }

            case BooleanQuery boolean:
            {
                double must = 0, should = 0;
                bool required = false, anyShould = false, onlyProhibitions = true;
                foreach (var clause in boolean.Clauses)
                {
                    onlyProhibitions &= clause.Occur == Occur.MustNot;
                    var score = Evaluate(clause.Query, doc, clause.Occur is Occur.Must or Occur.Should ? boost : 0f);
                    switch (clause.Occur)
                    {
                        case Occur.Must or Occur.Filter:
                            required = true;
                            if (score is null)
                            {
                                return null;
                            }

                            must += clause.Occur == Occur.Must ? score.Value : 0;
                            break;
                        case Occur.MustNot:
                            if (score is not null)
                            {
                                return null;
                            }

                            break;
                        default:
                            if (score is not null)
                            {
                                should += score.Value;
                                anyShould = true;
                            }

                            break;
                    }
                }

                if (required)
                {
                    return anyShould ? (float)((double)(float)must + (float)should) : (float)must;
                }

                return anyShould ? (float)should : onlyProhibitions && boolean.Clauses.Count > 0 ? 0f : null;
            }

            case CoordinationQuery coordination:
            {
                double sum = 0;
                var words = 0;
                foreach (var word in coordination.Words)
                {
                    if (Evaluate(word, doc, boost) is { } score)
                    {
                        sum += score;
                        words++;
                    }
                }

                if (words == 0)
                {
                    return null;
                }

                foreach (var extra in coordination.Extras)
                {
                    sum += Evaluate(extra, doc, boost) ?? 0;
                }

                return (float)sum * (float)Math.Pow(words / (double)coordination.Words.Count, coordination.Exponent);
            }

            case MatchAllQuery:
                return boost;
            case TermSetQuery set:
                return set.Terms.Any(t => _docs[doc][set.Field].ContainsKey(t)) ? boost : null;
            case NumericRangeQuery range when range.Field == ConclusionFields.Date:
                return _dates[doc] is { } day && day >= (range.Min ?? long.MinValue) && day <= (range.Max ?? long.MaxValue) ? boost : null;
            default:
                throw new NotSupportedException(query.GetType().Name);
        }
    }

    /// <summary>The engine's phrase frequency written out anew: greedy in-order matching from each start.</summary>
    private static float PhraseFrequency(List<List<int>> words, int slop)
    {
        float freq = 0;
        foreach (var start in words[0])
        {
            var previous = start;
            var ok = true;
            for (var i = 1; i < words.Count && ok; i++)
            {
                var next = words[i].Where(p => p > previous).DefaultIfEmpty(-1).Min();
                ok = next >= 0 && next - start - i <= slop;
                previous = next;
            }

            if (ok)
            {
                freq += 1f / (1 + (previous - start - (words.Count - 1)));
            }
        }

        return freq;
    }

    private readonly Dictionary<(string, string), long> _docFreqs = [];
    private readonly Dictionary<string, float[]> _lengthTables = [];

    /// <summary>A phrase's idf: over the span read whole, or over <paramref name="spans"/> and the words they leave uncovered.</summary>
    private float PhraseIdf(PhraseQuery phrase, PhraseSpan? whole, IReadOnlyList<PhraseSpan> spans)
    {
        double idf = 0;
        IEnumerable<IReadOnlyList<string>> units = whole is not null ? [whole.Terms] : spans.Select(s => s.Terms).Concat(phrase.Words.Where((_, i) => !PhraseQuery.IsCovered(spans, i)));
        foreach (var alternatives in units)
        {
            idf += Bm25Similarity.Idf(alternatives.Max(t => DocFreq(phrase.Field, t)), DocCount(phrase.Field));
        }

        return (float)idf;
    }

    private long DocFreq(string field, string term)
    {
        if (!_docFreqs.TryGetValue((field, term), out var df))
        {
            _docFreqs[(field, term)] = df = _docs.Count(d => d[field].ContainsKey(term));
        }

        return df;
    }

    private long DocCount(string field) => Math.Max(1, _lengths.Count(l => l[field] > 0));

    private float LengthPart(string field, int doc)
    {
        if (!_lengthTables.TryGetValue(field, out var table))
        {
            _lengthTables[field] = table = LengthTable(field);
        }

        return table[NormEncoding.Encode(_lengths[doc][field])];
    }

    private float[] LengthTable(string field)
    {
        var withField = _lengths.Where(l => l[field] > 0).Select(l => (double)NormEncoding.Decode(NormEncoding.Encode(l[field]))).ToList();
        var average = withField.Count > 0 ? withField.Sum() / withField.Count : 1;
        return _similarity.LengthTable(average, hasNorms: true);
    }
}
