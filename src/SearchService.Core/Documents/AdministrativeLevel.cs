namespace SearchService.Core.Documents;

/// <summary>
/// The administrative level of the committee that issued a document, before the 2025
/// reorganisation. A city is either centrally run (a province in its own right, "Thành ủy Hải
/// Phòng") or a city within a province ("Thành ủy Từ Sơn"); the two are different levels.
/// </summary>
public enum AdministrativeLevel
{
    /// <summary>Tỉnh.</summary>
    Province,

    /// <summary>Thành phố trực thuộc Trung ương.</summary>
    CentrallyRunCity,

    /// <summary>Thành phố thuộc tỉnh.</summary>
    ProvincialCity,

    /// <summary>Thị xã.</summary>
    Town,

    /// <summary>Huyện.</summary>
    District,

    /// <summary>Quận.</summary>
    UrbanDistrict,

    /// <summary>Xã, phường, thị trấn.</summary>
    Commune,
}
