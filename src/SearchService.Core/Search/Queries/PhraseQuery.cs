using System.Globalization;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents where words occur one after another in <see cref="Field"/>, allowing up to
/// <see cref="Slop"/> extra positions between them (in order). Each word may have several
/// alternative index terms (Lucene's MultiPhraseQuery): "giải phóng" can match "giải" or
/// "giai" then "phóng" or "phong". Scored by BM25 on the phrase frequency with an idf summed
/// over the words (each word counting its most frequent alternative).
/// </summary>
public sealed class PhraseQuery : Query
{
    /// <summary>A phrase of <paramref name="words"/> (each a non-empty list of alternative terms) in <paramref name="field"/>.</summary>
    public PhraseQuery(string field, IReadOnlyList<IReadOnlyList<string>> words, int slop = 0)
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

        ArgumentOutOfRangeException.ThrowIfNegative(slop);
        Field = field;
        Words = words;
        Slop = slop;
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

    /// <inheritdoc />
    public override int ClauseCount { get; }

    /// <inheritdoc />
    /// <remarks>
    /// A phrase of one word with one term scores exactly as that term (its frequency is the term's,
    /// its idf the term's idf), so it becomes a <see cref="TermQuery"/>, which reads no positions
    /// and has tight block bounds.
    /// </remarks>
    public override Query Rewrite(SearchContext context) =>
        Words.Count == 1 && Words[0].Count == 1 ? new TermQuery(Field, Words[0][0]) { Boost = Boost } : this;

    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost) => new PhraseWeight(context, this, boost * Boost);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<(string Field, string Term)> terms)
    {
        foreach (var word in Words)
        {
            foreach (var term in word)
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
        return $"{Field}:\"{string.Join(' ', words)}\"{slop}{BoostSuffix()}";
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
