namespace SearchService.Core.Documents.Gazetteer;

/// <summary>
/// The kind word a text puts before a place name ("tỉnh", "thành phố", "thị xã", "huyện", "quận",
/// "xã", "phường", "đặc khu") or in a committee's name ("Thành ủy", "Đảng ủy xã"). A city is one
/// kind here because the text does not say whether it is centrally run; the gazetteer settles that.
/// </summary>
public enum LocalityKind
{
    /// <summary>Tỉnh, Tỉnh ủy.</summary>
    Province,

    /// <summary>Thành phố, Thành ủy: centrally run or within a province.</summary>
    City,

    /// <summary>Thị xã, Thị ủy.</summary>
    Town,

    /// <summary>Huyện, Huyện ủy.</summary>
    District,

    /// <summary>Quận, Quận ủy.</summary>
    UrbanDistrict,

    /// <summary>Xã, Đảng ủy xã.</summary>
    Commune,

    /// <summary>Phường, Đảng ủy phường.</summary>
    Ward,

    /// <summary>Đặc khu, Đảng ủy đặc khu.</summary>
    SpecialZone,
}
