using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents holding any of many terms of one field, each scoring the boost (Lucene's
/// constant-score rewrite): what a prefix expanding to many terms becomes, since summing BM25
/// over hundreds of terms costs a scorer a term a document and ranks by how many variants a
/// document happens to use. Matches are gathered per segment into a bitset, postings read once.
/// </summary>
public sealed class TermSetQuery : Query
{
    /// <summary>Matches documents with any of <paramref name="terms"/> in <paramref name="field"/>.</summary>
    public TermSetQuery(string field, IReadOnlyList<string> terms)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(terms);
        Field = field;
        Terms = terms;
    }

    /// <summary>The field.</summary>
    public string Field { get; }

    /// <summary>The terms.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost) => new TermSetWeight(this, boost * Boost, context.Cancellation);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<(string Field, string Term)> terms)
    {
        foreach (var term in Terms)
        {
            terms.Add((Field, term));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Field}:{{{Terms.Count} terms: {string.Join(' ', Terms.Take(5))}{(Terms.Count > 5 ? " …" : "")}}}{BoostSuffix()}";
}
