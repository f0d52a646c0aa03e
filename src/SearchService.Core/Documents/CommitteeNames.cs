namespace SearchService.Core.Documents;

/// <summary>
/// The name a locality's Party committee goes by at each level: "Tỉnh ủy Bắc Ninh", "Thành ủy Từ
/// Sơn", "Huyện ủy Tân Yên", and since 2025 "Đảng ủy xã Mèo Vạc", "Đảng ủy phường Quy Nhơn Nam",
/// "Đảng ủy đặc khu Phú Quốc": what a reader types and what a citation's issuer is called.
/// </summary>
public static class CommitteeNames
{
    /// <summary>The committee of <paramref name="locality"/> at <paramref name="level"/>.</summary>
    public static string Of(AdministrativeLevel level, string locality)
    {
        ArgumentNullException.ThrowIfNull(locality);
        return level switch
        {
            AdministrativeLevel.Province => "Tỉnh ủy ",
            AdministrativeLevel.CentrallyRunCity or AdministrativeLevel.ProvincialCity => "Thành ủy ",
            AdministrativeLevel.Town => "Thị ủy ",
            AdministrativeLevel.District => "Huyện ủy ",
            AdministrativeLevel.UrbanDistrict => "Quận ủy ",
            AdministrativeLevel.Commune => "Đảng ủy xã ",
            AdministrativeLevel.Ward => "Đảng ủy phường ",
            AdministrativeLevel.SpecialZone => "Đảng ủy đặc khu ",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "no committee name for this level"),
        } + locality;
    }
}
