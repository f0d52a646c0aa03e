namespace SearchService.Core.Catalog.Suggest;

/// <summary>Where a suggestion comes from; also the tie-break order when two have the same frequency.</summary>
public enum SuggestionSource
{
    /// <summary>An issuing locality ("Từ Sơn").</summary>
    Locality,

    /// <summary>A province or centrally-run city ("Bắc Ninh").</summary>
    Province,

    /// <summary>An issuing committee, from its level and locality ("Đảng ủy phường Quy Nhơn Nam", "Huyện ủy Tân Yên").</summary>
    Committee,

    /// <summary>A cited document code ("18-NQ/TU").</summary>
    Code,

    /// <summary>A phrase of two or more syllables from titles ("giải pháp").</summary>
    Title,
}
