namespace SearchService.Core.Catalog;

/// <summary>A locality with the number of indexed documents its committees issued.</summary>
/// <param name="Locality">The locality ("Từ Sơn").</param>
/// <param name="Province">Its province.</param>
/// <param name="Level">The issuing committee's level, as the record's JSON writes it.</param>
/// <param name="Documents">Live documents.</param>
public sealed record LocalityCount(string Locality, string? Province, string? Level, int Documents);
