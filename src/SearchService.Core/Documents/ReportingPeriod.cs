namespace SearchService.Core.Documents;

/// <summary>
/// The stretch of the year a document reviews: 6 for "6 tháng đầu năm 2023", 9 for "9 tháng",
/// 3 for a first quarter, 12 for a whole year.
/// </summary>
public sealed record ReportingPeriod(int Year, int Months);
