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
    /// <paramref name="field"/>, with optional <paramref name="spans"/> over them.
    /// </summary>
    public PhraseQuery(string field, IReadOnlyList<IReadOnlyList<string>> words, int slop = 0, IReadOnlyList<PhraseSpan>? spans = null)
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
        foreach (var span in spans)
        {
            if (span.First < 0 || span.Last < span.First || span.Last >= words.Count || span.Terms.Count == 0)
            {
                throw new ArgumentException($"a span covers words {span.First}..{span.Last} of {words.Count} and needs at least one term", nameof(spans));
            }

            count += span.Terms.Count;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(slop);
        Field = field;
        Words = words;
        Slop = slop;
        Spans = spans;
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

    /// <summary>Whether word <paramref name="word"/> is inside some span.</summary>
    public bool IsCovered(int word)
    {
        foreach (var span in Spans)
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
        if (Slop == 0 && Words.Count > 1)
        {
            foreach (var span in Spans)
            {
                if (span.First == 0 && span.Last == Words.Count - 1)
                {
                    return new PhraseQuery(Field, [span.Terms]) { Boost = Boost }.Rewrite(context);
                }
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

        if (words.Length == 1 && words[0].Count == 1 && spans.Length == 0)
        {
            return new TermQuery(Field, words[0][0]) { Boost = Boost };
        }

        return changed ? new PhraseQuery(Field, words, Slop, spans) { Boost = Boost } : this;
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
    /// <remarks>The spans' terms and those of the words no span covers: what marks the phrase in a text (its pairs, not each syllable anywhere).</remarks>
    public override void ExtractTerms(ISet<(string Field, string Term)> terms)
    {
        foreach (var span in Spans)
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
        return $"{Field}:\"{string.Join(' ', words)}\"{slop}{spans}{BoostSuffix()}";
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
