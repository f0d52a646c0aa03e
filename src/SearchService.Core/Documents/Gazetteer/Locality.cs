namespace SearchService.Core.Documents.Gazetteer;

/// <summary>
/// An administrative unit as a gazetteer knows it: its canonical name (new-style tone marks,
/// "Hòa Bình"), its level, the province or centrally-run city it belongs to (itself for one), and
/// the province that holds its ground today (the same as <see cref="Province"/> on the map since
/// 2025; "Gia Lai" for the former Bình Định's Quy Nhơn).
/// </summary>
public sealed record Locality(string Name, AdministrativeLevel Level, string Province, string CurrentProvince);
