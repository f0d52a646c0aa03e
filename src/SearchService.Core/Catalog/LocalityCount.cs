namespace SearchService.Core.Catalog;

/// <summary>A locality with the number of indexed documents its committees issued.</summary>
/// <param name="Locality">The locality ("Từ Sơn").</param>
/// <param name="Province">Its province on the documents' dates.</param>
/// <param name="Level">The issuing committee's level, as the record's JSON writes it.</param>
/// <param name="Documents">Live documents.</param>
public sealed record LocalityCount(string Locality, string? Province, string? Level, int Documents)
{
    /// <summary>The province that holds it today, since the 2025 reorganisation ("Gia Lai" for the former Bình Định's Quy Nhơn).</summary>
    public string? CurrentProvince { get; init; }
}
