using System.Globalization;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// A text's words, any of which may match, ranked by how well they match and by how many of
/// them do: the summed score of the matching clauses (words and extras such as syllable pairs)
/// times <c>(matched words / words)^exponent</c>. A long question is then answered by the
/// documents holding most of its words, without requiring every one (a single missing word of
/// thirty does not hide the article that answers it), and a document matching one rare word
/// alone does not outrank one matching most of them.
/// </summary>
public sealed class CoordinationQuery : Query
{
    /// <summary>Coordinates <paramref name="words"/> (counted) with <paramref name="extras"/> (scored, not counted).</summary>
    public CoordinationQuery(IReadOnlyList<Query> words, IReadOnlyList<Query> extras, float exponent)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(extras);
        if (words.Count == 0)
        {
            throw new ArgumentException("coordination needs at least one word", nameof(words));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        Words = words;
        Extras = extras;
        Exponent = exponent;
        var count = 0;
        foreach (var query in words)
        {
            count += query.ClauseCount;
        }

        foreach (var query in extras)
        {
            count += query.ClauseCount;
        }

        ClauseCount = count;
    }

    /// <summary>The words counted for coordination.</summary>
    public IReadOnlyList<Query> Words { get; }

    /// <summary>Clauses that add to the score but are not counted (pairs, codes).</summary>
    public IReadOnlyList<Query> Extras { get; }

    /// <summary>How steeply a missing word costs: 0 = not at all, 1 = the share of words matched.</summary>
    public float Exponent { get; }

    /// <inheritdoc />
    public override int ClauseCount { get; }

    /// <inheritdoc />
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var words = RewriteAll(Words, context, out var changedWords);
        var extras = RewriteAll(Extras, context, out var changedExtras);
        return changedWords || changedExtras ? new CoordinationQuery(words, extras, Exponent) { Boost = Boost } : this;
    }

    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost) => new CoordinationWeight(context, this, boost * Boost);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<(string Field, string Term)> terms)
    {
        foreach (var query in Words)
        {
            query.ExtractTerms(terms);
        }

        foreach (var query in Extras)
        {
            query.ExtractTerms(terms);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>(Words.Count + Extras.Count);
        foreach (var query in Words)
        {
            parts.Add(query.ToString());
        }

        foreach (var query in Extras)
        {
            parts.Add("~" + query);
        }

        return "coord" + Exponent.ToString("0.##", CultureInfo.InvariantCulture) + "(" + string.Join(' ', parts) + ")" + BoostSuffix();
    }

    private static IReadOnlyList<Query> RewriteAll(IReadOnlyList<Query> queries, SearchContext context, out bool changed)
    {
        changed = false;
        var result = new Query[queries.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = queries[i].Rewrite(context);
            changed |= !ReferenceEquals(result[i], queries[i]);
        }

        return result;
    }
}
