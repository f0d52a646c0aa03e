using SearchService.Core.Analysis;
namespace SearchService.Core.Documents.Gazetteer;

/// <summary>
/// The two administrative maps and the day between them: a document is placed on the map in
/// force on its date, because "huyện Tân Yên" exists only before 1 July 2025 and "phường Quy Nhơn
/// Nam" only from then on.
/// </summary>
public static class AdministrativeMaps
{
    /// <summary>The day the two-level local government (provinces; communes, wards, special zones) took effect.</summary>
    public static DateOnly ReformDate { get; } = new(2025, 7, 1);

    /// <summary>The map in force on <paramref name="date"/>; null when the date is unknown.</summary>
    public static LocalityGazetteer? For(DateOnly? date) =>
        date is not { } d ? null : d >= ReformDate ? LocalityGazetteer.Since2025 : LocalityGazetteer.Pre2025;

    /// <summary>
    /// Today's province or centrally-run city for a province named on either map ("Bình Định" →
    /// "Gia Lai", "Gia Lai" → "Gia Lai"), case and accents ignored; null for an unknown name.
    /// </summary>
    public static string? CurrentProvinceOf(string province)
    {
        ArgumentNullException.ThrowIfNull(province);
        return LocalityGazetteer.Since2025.FindProvince(province)?.Name
            ?? LocalityGazetteer.Pre2025.FindProvince(province)?.CurrentProvince;
    }

    /// <summary>The provinces before 2025 whose ground today's <paramref name="currentProvince"/> holds, in the data's order.</summary>
    public static IReadOnlyList<string> FormerProvinces(string currentProvince)
    {
        ArgumentNullException.ThrowIfNull(currentProvince);
        var key = FoldedKey.Words(currentProvince);
        return
        [
            .. LocalityGazetteer.Pre2025.All
                .Where(l => l.Level is AdministrativeLevel.Province or AdministrativeLevel.CentrallyRunCity && FoldedKey.Words(l.CurrentProvince) == key)
                .Select(l => l.Name),
        ];
    }
}
