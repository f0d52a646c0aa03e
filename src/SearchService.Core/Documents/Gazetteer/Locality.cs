namespace SearchService.Core.Documents.Gazetteer;

/// <summary>
/// An administrative unit as the gazetteer knows it: its canonical name (new-style tone marks,
/// "Hòa Bình"), its level, and the province or centrally-run city it belongs to (itself for one).
/// </summary>
public sealed record Locality(string Name, AdministrativeLevel Level, string Province);
