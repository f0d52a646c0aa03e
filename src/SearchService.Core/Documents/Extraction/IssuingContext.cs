namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// What the citing document says about itself, which is what settles a cited code's issuer:
/// "TU" in a district or commune document is the province's committee, in a province document its
/// own; "ĐU" in a commune, ward or special-zone document is that Đảng ủy's.
/// </summary>
/// <param name="Level">The citing committee's level.</param>
/// <param name="Locality">The citing locality.</param>
/// <param name="Province">The province or centrally-run city it belongs to.</param>
/// <param name="ProvinceIsCity">True when <paramref name="Province"/> is a centrally-run city (its committee is a Thành ủy).</param>
/// <param name="OwnNumber">The document's own number, so a citation of it resolves to its committee.</param>
public sealed record IssuingContext(AdministrativeLevel? Level, string? Locality, string? Province, bool ProvinceIsCity, string? OwnNumber)
{
    /// <summary>Nothing known about the citing document.</summary>
    public static IssuingContext Unknown { get; } = new(null, null, null, false, null);

    /// <summary>"Tỉnh ủy Bắc Ninh" or "Thành ủy Hải Phòng": the committee of the province, when known.</summary>
    public string? ProvincialCommittee => Province is null ? null : (ProvinceIsCity ? "Thành ủy " : "Tỉnh ủy ") + Province;

    /// <summary>The citing document's own committee ("Thị ủy Thuận Thành", "Đảng ủy phường Quy Nhơn Nam"), when known.</summary>
    public string? OwnCommittee => Level switch
    {
        AdministrativeLevel.Province or AdministrativeLevel.CentrallyRunCity => ProvincialCommittee,
        { } level when Locality is not null => CommitteeNames.Of(level, Locality),
        _ => null,
    };
}
