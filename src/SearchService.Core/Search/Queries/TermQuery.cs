using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>Documents whose <see cref="Field"/> holds the exact index term <see cref="Term"/>, scored by BM25.</summary>
public sealed class TermQuery : Query
{
    /// <summary>Matches <paramref name="term"/> (already analyzed: lower-case, canonical tone marks) in <paramref name="field"/>.</summary>
    public TermQuery(string field, string term)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(term);
        Field = field;
        Term = term;
    }

    /// <summary>The field.</summary>
    public string Field { get; }

    /// <summary>The index term.</summary>
    public string Term { get; }

    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost) => new TermWeight(context, this, boost * Boost);

    /// <inheritdoc />
    public override void ExtractTerms(ISet<(string Field, string Term)> terms) => terms.Add((Field, Term));

    /// <inheritdoc />
    public override string ToString() => $"{Field}:{QueryText.Quote(Term)}{BoostSuffix()}";
}
