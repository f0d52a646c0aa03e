using SearchService.Core.Analysis;
using SearchService.Core.Documents;
using SearchService.Core.Documents.Gazetteer;
using SearchService.Core.Search.Parsing;
using SearchService.Core.Search.Similar;

namespace SearchService.Core.Catalog.Search;

/// <summary>
/// The conclusion schema as the engine's query side needs it: the fields a query may name and
/// their Vietnamese and English aliases, the default fields and their boosts, the code field,
/// the places the gazetteer knows, and which fields "more like this" reads.
/// </summary>
public static class ConclusionQueries
{
    /// <summary>The fields a query may name, in the order an unknown-field message lists them.</summary>
    public static IReadOnlyList<QueryField> Fields { get; } =
    [
        new(ConclusionFields.Title, FieldKindOfQuery.Text, ["tieude", "ten", "heading"]),
        new(ConclusionFields.Body, FieldKindOfQuery.Text, ["noidung", "text", "content"]),
        new(ConclusionFields.Locality, FieldKindOfQuery.Keyword, ["diaphuong", "place", "noi"]),
        new(ConclusionFields.Province, FieldKindOfQuery.Keyword, ["tinh", "thanhpho"]),
        new(ConclusionFields.Level, FieldKindOfQuery.Keyword, ["cap"]),
        new(ConclusionFields.Type, FieldKindOfQuery.Keyword, ["loai", "kind"]),
        new(ConclusionFields.Code, FieldKindOfQuery.Code, ["so", "ma", "sohieu", "cites", "kyhieu"]),
        new(ConclusionFields.Signer, FieldKindOfQuery.Text, ["nguoiky", "ky", "signedby"]),
        new(ConclusionFields.Date, FieldKindOfQuery.Date, ["ngay"]),
        new(ConclusionFields.Year, FieldKindOfQuery.Year, ["nam"]),
    ];

    /// <summary>
    /// The parser over a conclusion index with the ranking defaults: plain words in title (×2) and
    /// body, a lone unmarked syllable weighing in the title as a folded match, typed codes boosted
    /// on the cited codes, places the gazetteer knows boosted on locality and province.
    /// </summary>
    public static QueryParserOptions ParserOptions { get; } = new()
    {
        Fields = Fields,
        DefaultFields = [new(ConclusionFields.Title, 2.0f), new(ConclusionFields.Body, 1.0f)],
        TitleField = ConclusionFields.Title,
        CodeField = ConclusionFields.Code,
        Places = FindPlace,
    };

    /// <summary>"More like this" over conclusions: the id field, and title and body re-analyzed for terms.</summary>
    public static MoreLikeThisOptions MoreLikeThis { get; } = new()
    {
        IdField = ConclusionFields.Id,
        Fields = [ConclusionFields.Title, ConclusionFields.Body],
        Analyzer = VietnameseAnalyzer.Indexing,
    };

    /// <summary>
    /// The place a name of a few syllables means in the gazetteer of the map before 2025 (the map
    /// most documents were written on): its locality value, and its province value too when the
    /// name is a province or centrally-run city.
    /// </summary>
    public static NamedPlace? FindPlace(string name)
    {
        var places = LocalityGazetteer.Pre2025.Find(name);
        if (places.Count == 0)
        {
            return null;
        }

        return places.Any(p => p.Level is AdministrativeLevel.Province or AdministrativeLevel.CentrallyRunCity)
            ? new NamedPlace(places[0].Name, [ConclusionFields.Locality, ConclusionFields.Province])
            : new NamedPlace(places[0].Name, [ConclusionFields.Locality]);
    }
}
