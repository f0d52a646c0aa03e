using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SearchService.Core.Documents;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Catalog.Suggest;

/// <summary>
/// What one segment contributes to the suggestions: live-document counts of each locality,
/// province and code value, of each committee (level and locality: "Đảng ủy phường Quy Nhơn Nam"),
/// and of each title pair spelling. Segments are immutable and a
/// segment whose deletes change gets a new <see cref="SegmentReader"/>, so the counts are cached
/// per reader instance and a new snapshot only computes its new or changed segments.
/// </summary>
internal sealed class SegmentSuggestions
{
    private static readonly ConditionalWeakTable<SegmentReader, SegmentSuggestions> Cache = [];

    // The level column holds the record's JSON spelling ("ward"); the committee name needs the level.
    private static readonly Dictionary<string, AdministrativeLevel> Levels =
        Enum.GetValues<AdministrativeLevel>().ToDictionary(l => ConclusionIndexDocument.EnumValue(l), StringComparer.Ordinal);

    private SegmentSuggestions(SegmentReader segment)
    {
        Localities = KeywordCounts(segment, ConclusionFields.Locality);
        Provinces = KeywordCounts(segment, ConclusionFields.Province);
        Codes = KeywordCounts(segment, ConclusionFields.Code);
        Committees = CommitteeCounts(segment);
        TitlePairs = TitlePairCounts(segment);
    }

    /// <summary>Each committee name ("Huyện ủy Tân Yên") and its live documents.</summary>
    public Dictionary<string, int> Committees { get; }

    public Dictionary<string, int> Localities { get; }

    public Dictionary<string, int> Provinces { get; }

    public Dictionary<string, int> Codes { get; }

    /// <summary>Each pair spelling of the title field ("giải_pháp", "giai_phap") and its live documents.</summary>
    public Dictionary<string, int> TitlePairs { get; }

    public static SegmentSuggestions Of(SegmentReader segment) => Cache.GetValue(segment, static s => new SegmentSuggestions(s));

    private static Dictionary<string, int> KeywordCounts(SegmentReader segment, string field)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        if (segment.KeywordColumn(field) is not { } column)
        {
            return totals;
        }

        var counts = new int[column.ValueCount];
        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (!segment.IsDeleted(doc))
            {
                foreach (var ordinal in column.OrdinalsOf(doc))
                {
                    counts[ordinal]++;
                }
            }
        }

        for (var ordinal = 0; ordinal < counts.Length; ordinal++)
        {
            if (counts[ordinal] > 0)
            {
                totals[column.Values[ordinal]] = counts[ordinal];
            }
        }

        return totals;
    }

    private static Dictionary<string, int> CommitteeCounts(SegmentReader segment)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        if (segment.KeywordColumn(ConclusionFields.Locality) is not { } localities || segment.KeywordColumn(ConclusionFields.Level) is not { } levels)
        {
            return totals;
        }

        for (var doc = 0; doc < segment.MaxDoc; doc++)
        {
            if (segment.IsDeleted(doc))
            {
                continue;
            }

            foreach (var localityOrdinal in localities.OrdinalsOf(doc))
            {
                foreach (var levelOrdinal in levels.OrdinalsOf(doc))
                {
                    if (Levels.TryGetValue(levels.Values[levelOrdinal], out var level))
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(totals, CommitteeNames.Of(level, localities.Values[localityOrdinal]), out _) += 1;
                    }
                }
            }
        }

        return totals;
    }

    private static Dictionary<string, int> TitlePairCounts(SegmentReader segment)
    {
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        var field = segment.FieldNumber(ConclusionFields.Title);
        if (field < 0)
        {
            return spellings;
        }

        foreach (var (term, info) in segment.Terms.Enumerate(field))
        {
            if (IsSyllablePair(term))
            {
                var live = segment.LiveDocs is null ? info.DocFreq : LiveDocFreq(segment, info);
                if (live > 0)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(spellings, term, out _) += live;
                }
            }
        }

        return spellings;
    }

    /// <summary>The live documents of a term in a segment with deletes (the dictionary's count includes deleted ones until a merge).</summary>
    private static int LiveDocFreq(SegmentReader segment, TermInfo info)
    {
        var postings = segment.Postings(info);
        var live = 0;
        for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
        {
            if (!segment.IsDeleted(doc))
            {
                live++;
            }
        }

        return live;
    }

    /// <summary>True for a pair term of two alphabetic syllables ("giải_pháp"), not numbers, codes or single syllables.</summary>
    private static bool IsSyllablePair(string term)
    {
        var joiner = term.IndexOf('_', StringComparison.Ordinal);
        if (joiner <= 0 || joiner == term.Length - 1 || term.IndexOf('_', joiner + 1) >= 0)
        {
            return false;
        }

        foreach (var c in term)
        {
            if (c != '_' && !char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
