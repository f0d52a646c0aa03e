namespace SearchService.Core.Documents;

/// <summary>
/// The administrative level of the committee that issued a document. Before the 2025
/// reorganisation a city was either centrally run (a province in its own right, "Thành ủy Hải
/// Phòng") or a city within a province ("Thành ủy Từ Sơn"), and provinces held districts, towns and
/// cities. Since 1 July 2025 there are no districts: a province or centrally-run city holds
/// communes, wards and special zones directly, each with its "Đảng ủy xã / phường / đặc khu".
/// </summary>
public enum AdministrativeLevel
{
    /// <summary>Tỉnh.</summary>
    Province,

    /// <summary>Thành phố trực thuộc Trung ương.</summary>
    CentrallyRunCity,

    /// <summary>Thành phố thuộc tỉnh (before 2025).</summary>
    ProvincialCity,

    /// <summary>Thị xã (before 2025).</summary>
    Town,

    /// <summary>Huyện (before 2025).</summary>
    District,

    /// <summary>Quận (before 2025).</summary>
    UrbanDistrict,

    /// <summary>Xã (and, before 2025, thị trấn).</summary>
    Commune,

    /// <summary>Phường.</summary>
    Ward,

    /// <summary>Đặc khu (since 2025: island special zones such as Phú Quốc, Côn Đảo, Lý Sơn).</summary>
    SpecialZone,
}
