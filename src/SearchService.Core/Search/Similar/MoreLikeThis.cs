using SearchService.Core.Analysis;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Similar;

/// <summary>
/// "More like this" over one snapshot: picks a document's most distinctive terms (tf from its
/// stored fields re-analyzed with the indexing chain, idf from the terms' document frequencies
/// across the snapshot; stop words, folded copies, code parts, numbers, dates and very common
/// terms skipped) and finds the documents that share them most, scoring those terms over the
/// postings.
/// </summary>
/// <remarks>
/// Folded copies are skipped because they repeat the exact syllable's evidence; the exact form
/// already matches every document with that spelling, and a query built from the terms can add
/// folding itself. Thread-safe: nothing is shared between calls but the snapshot.
/// </remarks>
public sealed class MoreLikeThis
{
    private readonly IndexSnapshot _snapshot;

    /// <summary>Selects and scores over <paramref name="snapshot"/> with <paramref name="options"/> (which name the id and text fields).</summary>
    public MoreLikeThis(IndexSnapshot snapshot, MoreLikeThisOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        _snapshot = snapshot;
        Options = options;
    }

    /// <summary>The selection options.</summary>
    public MoreLikeThisOptions Options { get; }

    /// <summary>The snapshot-wide doc number of the live document with <paramref name="id"/>, or null.</summary>
    public int? FindDoc(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        for (var s = 0; s < _snapshot.Segments.Count; s++)
        {
            var segment = _snapshot.Segments[s];
            var postings = segment.Postings(Options.IdField, id);
            if (postings is null)
            {
                continue;
            }

            for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
            {
                if (!segment.IsDeleted(doc))
                {
                    return _snapshot.DocBases[s] + doc;
                }
            }
        }

        return null;
    }

    /// <summary>The most distinctive terms of the document with <paramref name="id"/>, heaviest first (empty when there is no such document).</summary>
    public IReadOnlyList<WeightedTerm> SelectTerms(string id) => FindDoc(id) is { } doc ? SelectTerms(doc) : [];

    /// <summary>The most distinctive terms of snapshot document <paramref name="doc"/>, heaviest first.</summary>
    public IReadOnlyList<WeightedTerm> SelectTerms(int doc)
    {
        var (segment, local) = _snapshot.Locate(doc);
        var stored = segment.Document(local);
        var documents = Math.Max(_snapshot.LiveCount, 1);
        var candidates = new List<WeightedTerm>();
        foreach (var field in Options.Fields)
        {
            var pipeline = Options.Analyzer.CreateIndexPipeline(field);
            var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (name, value) in stored)
            {
                if (name == field && value is string text)
                {
                    Count(pipeline, text, frequencies);
                }
            }

            foreach (var (term, frequency) in frequencies)
            {
                if (frequency < Options.MinTermFreq)
                {
                    continue;
                }

                var docFreq = DocFreq(field, term);
                if (docFreq < Options.MinDocFreq || docFreq > Options.MaxDocFreqFraction * documents)
                {
                    continue;
                }

                candidates.Add(new WeightedTerm(field, term, frequency * Idf(docFreq, documents)));
            }
        }

        candidates.Sort(static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : string.CompareOrdinal(a.Term, b.Term));
        if (candidates.Count > Options.MaxTerms)
        {
            candidates.RemoveRange(Options.MaxTerms, candidates.Count - Options.MaxTerms);
        }

        return candidates;
    }

    /// <summary>The <paramref name="count"/> documents most like the one with <paramref name="id"/>, best first, itself excluded.</summary>
    public IReadOnlyList<SimilarDocument> FindSimilar(string id, int count = 10) =>
        FindDoc(id) is { } doc ? FindSimilar(doc, count) : [];

    /// <summary>The <paramref name="count"/> documents most like snapshot document <paramref name="doc"/>, best first, itself excluded.</summary>
    public IReadOnlyList<SimilarDocument> FindSimilar(int doc, int count = 10) => FindSimilar(SelectTerms(doc), count, doc);

    /// <summary>
    /// The <paramref name="count"/> live documents scoring highest on <paramref name="terms"/>, best first,
    /// leaving out <paramref name="excludeDoc"/> (a snapshot doc number, or -1): each term adds
    /// weight × tf·(k1+1)/(tf+k1) for the documents containing it.
    /// </summary>
    public IReadOnlyList<SimilarDocument> FindSimilar(IReadOnlyList<WeightedTerm> terms, int count, int excludeDoc = -1)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var best = new PriorityQueue<int, double>(); // min-heap of the best so far
        var k1 = Options.K1;
        for (var s = 0; s < _snapshot.Segments.Count && count > 0; s++)
        {
            var segment = _snapshot.Segments[s];
            var scores = new double[segment.MaxDoc];
            foreach (var term in terms)
            {
                var postings = segment.Postings(term.Field, term.Term);
                if (postings is null)
                {
                    continue;
                }

                for (var d = postings.NextDoc(); d != PostingsEnum.NoMoreDocs; d = postings.NextDoc())
                {
                    double tf = postings.Freq;
                    scores[d] += term.Weight * tf * (k1 + 1) / (tf + k1);
                }
            }

            var docBase = _snapshot.DocBases[s];
            for (var d = 0; d < scores.Length; d++)
            {
                if (scores[d] <= 0 || docBase + d == excludeDoc || segment.IsDeleted(d))
                {
                    continue;
                }

                if (best.Count < count)
                {
                    best.Enqueue(docBase + d, scores[d]);
                }
                else if (best.TryPeek(out _, out var lowest) && scores[d] > lowest)
                {
                    best.DequeueEnqueue(docBase + d, scores[d]);
                }
            }
        }

        var result = new SimilarDocument[best.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var doc, out var score);
            var (segment, local) = _snapshot.Locate(doc);
            var ids = segment.KeywordValues(Options.IdField, local);
            result[i] = new SimilarDocument(doc, ids.Count > 0 ? ids[0] : "", score);
        }

        return result;
    }

    /// <summary>Documents (deleted ones included, as BM25 does until a merge) with <paramref name="term"/> in <paramref name="field"/>.</summary>
    private int DocFreq(string field, string term)
    {
        var total = 0;
        foreach (var segment in _snapshot.Segments)
        {
            var number = segment.FieldNumber(field);
            if (number >= 0 && segment.Terms.TryGet(number, term, out var info))
            {
                total += info.DocFreq;
            }
        }

        return total;
    }

    private static double Idf(int docFreq, int documents) => Math.Log(1 + ((documents - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>Adds the frequencies of <paramref name="text"/>'s topical terms to <paramref name="frequencies"/>.</summary>
    private void Count(AnalysisPipeline pipeline, string text, Dictionary<string, int> frequencies)
    {
        var lookup = frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        var stream = pipeline.Reset(text);
        var attributes = stream.Attributes;
        while (stream.IncrementToken())
        {
            var term = attributes.Term;
            if (term.Length < Options.MinTermLength || !IsTopical(attributes.Type, term))
            {
                continue;
            }

            lookup.TryGetValue(term, out var frequency);
            lookup[term] = frequency + 1;
        }
    }

    /// <summary>Syllables, words, abbreviations, codes, pairs and synonyms that are not function words.</summary>
    private static bool IsTopical(TokenType type, ReadOnlySpan<char> term)
    {
        switch (type)
        {
            case TokenType.Syllable:
                return !VietnameseStopWords.Contains(term);
            case TokenType.Pair:
                var joiner = term.IndexOf('_');
                return joiner > 0 && !VietnameseStopWords.Contains(term[..joiner]) && !VietnameseStopWords.Contains(term[(joiner + 1)..]);
            case TokenType.Word:
            case TokenType.Abbreviation:
            case TokenType.Code:
            case TokenType.Synonym:
                return true;
            default:
                return false; // folded copies, code parts, numbers, dates, Roman numerals
        }
    }
}
