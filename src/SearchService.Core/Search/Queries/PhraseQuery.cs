using System.Globalization;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents where words occur one after another in <see cref="Field"/>, allowing up to
/// <see cref="Slop"/> extra positions between them (in order). Each word may have several
/// alternative index terms (Lucene's MultiPhraseQuery): "giai phong" can match "giai" or
/// "giải" then "phong". The words' terms must have positions (alternatives without them are
/// left out), except in a phrase of one word, which counts the occurrences of its terms (summed
/// when some term has no positions, so alternatives of one word must not share positions then);
/// <see cref="Spans"/> add terms read without positions that stand for some words together
/// (see <see cref="PhraseSpan"/>). Scored by BM25 on the phrase frequency with an idf summed
/// over the spans and the words no span covers (each counting its most frequent alternative).
/// </summary>
public sealed class PhraseQuery : Query
{
    /// <summary>
    /// A phrase of <paramref name="words"/> (each a non-empty list of alternative terms) in
    /// <paramref name="field"/>, with optional <paramref name="spans"/> over them and a
    /// <paramref name="strict"/> reading scored on top.
    /// </summary>
    public PhraseQuery(string field, IReadOnlyList<IReadOnlyList<string>> words, int slop = 0, IReadOnlyList<PhraseSpan>? spans = null, PhraseStrictReading? strict = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            throw new ArgumentException("a phrase needs at least one word", nameof(words));
        }

        var count = 0;
        foreach (var alternatives in words)
        {
            if (alternatives.Count == 0)
            {
                throw new ArgumentException("every word of a phrase needs at least one term", nameof(words));
            }

            count += alternatives.Count;
        }

        spans ??= [];
        count += CountSpans(spans, words.Count, nameof(spans));
        if (strict is not null)
        {
            if (strict.Spans.Count == 0)
            {
                throw new ArgumentException("a strict reading needs at least one span", nameof(strict));
            }

            count += CountSpans(strict.Spans, words.Count, nameof(strict));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(slop);
        Field = field;
        Words = words;
        Slop = slop;
        Spans = spans;
        Strict = strict;
        ClauseCount = count;
    }

    /// <summary>A phrase of single terms.</summary>
    public PhraseQuery(string field, IReadOnlyList<string> terms, int slop = 0)
        : this(field, ToWords(terms), slop)
    {
    }

    /// <summary>The field.</summary>
    public string Field { get; }

    /// <summary>The words in order, each with its alternative index terms.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Words { get; }

    /// <summary>Extra positions allowed between the words.</summary>
    public int Slop { get; }

    /// <summary>Terms read without positions that stand for some of the words together (empty for none).</summary>
    public IReadOnlyList<PhraseSpan> Spans { get; }

    /// <summary>A stricter reading scored on top of the phrase where it holds (null for none).</summary>
    public PhraseStrictReading? Strict { get; }

    /// <summary>Whether word <paramref name="word"/> is inside some span.</summary>
    public bool IsCovered(int word) => IsCovered(Spans, word);

    /// <summary>Whether word <paramref name="word"/> is inside one of <paramref name="spans"/>.</summary>
    public static bool IsCovered(IReadOnlyList<PhraseSpan> spans, int word)
    {
        foreach (var span in spans)
        {
            if (span.First <= word && word <= span.Last)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override int ClauseCount { get; }

    /// <inheritdoc />
    /// <remarks>
    /// Alternatives the snapshot does not hold are dropped (they match nothing and, with the idf
    /// taken from a word's most frequent alternative, weigh nothing), so a two-syllable pair read
    /// as "pair or broken pair" is mostly its pair alone. An exact phrase one span covers whole
    /// (two syllables and their pair) is that span's terms: a phrase of one word, whose frequency
    /// is its terms' and which reads no positions. A phrase of one word with one term scores
    /// exactly as that term (its frequency is the term's, its idf the term's idf), so it becomes a
    /// <see cref="TermQuery"/>, which has tight block bounds.
    /// </remarks>
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Whole(Spans) is { } whole)
        {
            // Read whole, the phrase and its strict reading are two phrases of one word each, summed as before.
            var phrase = new PhraseQuery(Field, [whole.Terms]) { Boost = Boost }.Rewrite(context);
            if (Strict is null)
            {
                return phrase;
            }

            if (Whole(Strict.Spans) is { } strictWhole)
            {
                var strict = new PhraseQuery(Field, [strictWhole.Terms]) { Boost = Boost * Strict.Boost }.Rewrite(context);
                return new BooleanQuery([new BooleanClause(strict, Occur.Should), new BooleanClause(phrase, Occur.Should)]);
            }
        }

        var changed = false;
        var words = new IReadOnlyList<string>[Words.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Held(context, Words[i], ref changed);
        }

        var spans = new PhraseSpan[Spans.Count];
        for (var i = 0; i < spans.Length; i++)
        {
            var terms = Held(context, Spans[i].Terms, ref changed);
            spans[i] = ReferenceEquals(terms, Spans[i].Terms) ? Spans[i] : Spans[i] with { Terms = terms };
        }

        var strictReading = Strict;
        if (Strict is not null)
        {
            var strictSpans = new PhraseSpan[Strict.Spans.Count];
            var strictChanged = false;
            for (var i = 0; i < strictSpans.Length; i++)
            {
                var terms = Held(context, Strict.Spans[i].Terms, ref strictChanged);
                strictSpans[i] = ReferenceEquals(terms, Strict.Spans[i].Terms) ? Strict.Spans[i] : Strict.Spans[i] with { Terms = terms };
            }

            if (strictChanged)
            {
                strictReading = Strict with { Spans = strictSpans };
                changed = true;
            }
        }

        if (words.Length == 1 && words[0].Count == 1 && spans.Length == 0 && strictReading is null)
        {
            return new TermQuery(Field, words[0][0]) { Boost = Boost };
        }

        return changed ? new PhraseQuery(Field, words, Slop, spans, strictReading) { Boost = Boost } : this;
    }

    /// <summary>The span covering every word of an exact phrase of several words, if any: that span is the phrase.</summary>
    private PhraseSpan? Whole(IReadOnlyList<PhraseSpan> spans)
    {
        if (Slop != 0 || Words.Count < 2)
        {
            return null;
        }

        foreach (var span in spans)
        {
            if (span.First == 0 && span.Last == Words.Count - 1)
            {
                return span;
            }
        }

        return null;
    }

    private static int CountSpans(IReadOnlyList<PhraseSpan> spans, int words, string parameter)
    {
        var count = 0;
        foreach (var span in spans)
        {
            if (span.First < 0 || span.Last < span.First || span.Last >= words || span.Terms.Count == 0)
            {
                throw new ArgumentException($"a span covers words {span.First}..{span.Last} of {words} and needs at least one term", parameter);
            }

            count += span.Terms.Count;
        }

        return count;
    }

    /// <summary>The alternatives the snapshot holds, or all of them when it holds none or all.</summary>
    private IReadOnlyList<string> Held(SearchContext context, IReadOnlyList<string> alternatives, ref bool changed)
    {
        if (alternatives.Count < 2)
        {
            return alternatives;
        }

        var held = alternatives.Where(t => context.DocFreq(Field, t) > 0).ToList();
        if (held.Count == 0 || held.Count == alternatives.Count)
        {
            return alternatives;
        }

        changed = true;
        return held;
    }

    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost) => new PhraseWeight(context, this, boost * Boost);

    /// <inheritdoc />
    /// <remarks>The spans' terms (the strict reading's too) and those of the words no span covers: what marks the phrase in a text (its pairs, not each syllable anywhere).</remarks>
    public override void ExtractTerms(ISet<(string Field, string Term)> terms)
    {
        foreach (var span in Strict is null ? Spans : Spans.Concat(Strict.Spans))
        {
            foreach (var term in span.Terms)
            {
                terms.Add((Field, term));
            }
        }

        for (var i = 0; i < Words.Count; i++)
        {
            if (IsCovered(i))
            {
                continue;
            }

            foreach (var term in Words[i])
            {
                terms.Add((Field, term));
            }
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var words = new List<string>(Words.Count);
        foreach (var word in Words)
        {
            words.Add(word.Count == 1 ? word[0] : "(" + string.Join('|', word) + ")");
        }

        var slop = Slop > 0 ? "~" + Slop.ToString(CultureInfo.InvariantCulture) : "";
        var spans = Spans.Count == 0 ? "" : " spans(" + string.Join(' ', Spans.Select(
            s => $"{s.First.ToString(CultureInfo.InvariantCulture)}-{s.Last.ToString(CultureInfo.InvariantCulture)}:{string.Join('|', s.Terms)}")) + ")";
        var strict = Strict is null ? "" : " strict(" + string.Join(' ', Strict.Spans.Select(
            s => $"{s.First.ToString(CultureInfo.InvariantCulture)}-{s.Last.ToString(CultureInfo.InvariantCulture)}:{string.Join('|', s.Terms)}")) + ")^" + Strict.Boost.ToString("0.###", CultureInfo.InvariantCulture);
        return $"{Field}:\"{string.Join(' ', words)}\"{slop}{spans}{strict}{BoostSuffix()}";
    }

    private static IReadOnlyList<IReadOnlyList<string>> ToWords(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var words = new IReadOnlyList<string>[terms.Count];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = [terms[i]];
        }

        return words;
    }
}
