namespace SearchService.Core.Search;

/// <summary>
/// Which documents a request's loose words matched, as the response reports it. One rule serves
/// a two-word keyword search and a thirty-word question: a few words must all be there (people
/// typing "giải phóng mặt bằng" mean all of it); a longer text is ranked over any of its words, so
/// the documents that happen to hold every word of a long question do not shut out the one that
/// answers it. Quoted phrases, operators and filters always mean what they say.
/// </summary>
public enum MatchStrategy
{
    /// <summary>Every content word (or the query as written: phrases, operators, filters only).</summary>
    AllWords,

    /// <summary>A long text: any of its content words, ranked by how many and how well they match.</summary>
    AnyWordRanked,

    /// <summary>A short text no document held entirely: any of its words, ranked.</summary>
    AnyWordFallback,
}
