using SearchService.Core.Index.Reader;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>Every document, each scoring the boost (an empty query with filters, or a query of only must-not clauses).</summary>
public sealed class MatchAllQuery : Query
{
    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost) =>
        new DocSetWeight(static (_, _) => true, "every document", boost * Boost);

    /// <inheritdoc />
    public override string ToString() => "*:*" + BoostSuffix();

    /// <summary>A scorer over every document of <paramref name="segment"/> (deleted ones are skipped by the collector).</summary>
    internal static Scorer AllDocs(SegmentReader segment, float score)
    {
        var docs = new int[segment.MaxDoc];
        for (var i = 0; i < docs.Length; i++)
        {
            docs[i] = i;
        }

        return new DocSetScorer(docs, docs.Length, score);
    }
}
