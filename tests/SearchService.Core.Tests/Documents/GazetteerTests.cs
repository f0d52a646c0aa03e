using SearchService.Core.Documents;
using SearchService.Core.Documents.Gazetteer;

namespace SearchService.Core.Tests.Documents;

public class GazetteerTests
{
    private static readonly LocalityGazetteer Gazetteer = LocalityGazetteer.Pre2025;

    [Theory]
    [InlineData("thị xã Thuận Thành", "Thuận Thành", AdministrativeLevel.Town, "Bắc Ninh", "Bắc Ninh")]
    [InlineData("huyện Tân Yên", "Tân Yên", AdministrativeLevel.District, "Bắc Giang", "Bắc Ninh")]
    [InlineData("Từ Sơn", "Từ Sơn", AdministrativeLevel.ProvincialCity, "Bắc Ninh", "Bắc Ninh")]
    [InlineData("tu son", "Từ Sơn", AdministrativeLevel.ProvincialCity, "Bắc Ninh", "Bắc Ninh")]
    [InlineData("THÀNH UỶ HẢI PHÒNG", "Hải Phòng", AdministrativeLevel.CentrallyRunCity, "Hải Phòng", "Hải Phòng")]
    [InlineData("Thành ủy Bắc Giang", "Bắc Giang", AdministrativeLevel.ProvincialCity, "Bắc Giang", "Bắc Ninh")]
    [InlineData("quận Hải Châu", "Hải Châu", AdministrativeLevel.UrbanDistrict, "Đà Nẵng", "Đà Nẵng")]
    [InlineData("thành phố Hoà Bình", "Hòa Bình", AdministrativeLevel.ProvincialCity, "Hòa Bình", "Phú Thọ")]
    [InlineData("huyện Hoằng Hoá", "Hoằng Hóa", AdministrativeLevel.District, "Thanh Hóa", "Thanh Hóa")]
    [InlineData("thành phố Quy Nhơn", "Quy Nhơn", AdministrativeLevel.ProvincialCity, "Bình Định", "Gia Lai")]
    public void Place_phrases_resolve_whatever_the_accents_and_tone_style(string phrase, string name, AdministrativeLevel level, string province, string currentProvince) =>
        Assert.Equal(new Locality(name, level, province, currentProvince), Gazetteer.Resolve(phrase));

    [Fact]
    public void Bare_province_name_means_the_province() =>
        Assert.Equal(AdministrativeLevel.Province, Gazetteer.Resolve("Bắc Giang")!.Level);

    [Fact]
    public void Ambiguous_name_is_null_until_the_province_settles_it()
    {
        Assert.Null(Gazetteer.Resolve("huyện Châu Thành"));
        Assert.Equal("Tiền Giang", Gazetteer.Resolve("huyện Châu Thành", provinceHint: "Tiền Giang")!.Province);
    }

    [Fact]
    public void Unknown_place_is_null() => Assert.Null(Gazetteer.Resolve("huyện Không Có"));

    [Fact]
    public void Gazetteer_holds_every_province_and_district_level_unit() =>
        Assert.Equal(63 + 696, Gazetteer.Count);

    [Theory]
    [InlineData("Đảng ủy phường Quy Nhơn Nam", "Gia Lai", "Quy Nhơn Nam", AdministrativeLevel.Ward, "Gia Lai")]
    [InlineData("dang uy phuong quy nhon nam", null, "Quy Nhơn Nam", AdministrativeLevel.Ward, "Gia Lai")]
    [InlineData("xã Mèo Vạc", "Tuyên Quang", "Mèo Vạc", AdministrativeLevel.Commune, "Tuyên Quang")]
    [InlineData("ĐẢNG ỦY ĐẶC KHU PHÚ QUỐC", null, "Phú Quốc", AdministrativeLevel.SpecialZone, "An Giang")]
    [InlineData("Tỉnh ủy Gia Lai", null, "Gia Lai", AdministrativeLevel.Province, "Gia Lai")]
    [InlineData("Thành ủy Đồng Nai", null, "Đồng Nai", AdministrativeLevel.CentrallyRunCity, "Đồng Nai")]
    public void Todays_map_resolves_communes_wards_and_special_zones(string phrase, string? province, string name, AdministrativeLevel level, string expectedProvince) =>
        Assert.Equal(new Locality(name, level, expectedProvince, expectedProvince), LocalityGazetteer.Since2025.Resolve(phrase, province));

    [Fact]
    public void Todays_map_holds_34_provinces_and_3321_communes_wards_and_special_zones()
    {
        var all = LocalityGazetteer.Since2025.All;
        Assert.Equal(34, all.Count(l => l.Level is AdministrativeLevel.Province or AdministrativeLevel.CentrallyRunCity));
        Assert.Equal(3321, all.Count(l => l.Level is AdministrativeLevel.Commune or AdministrativeLevel.Ward or AdministrativeLevel.SpecialZone));
        Assert.Equal(13, all.Count(l => l.Level == AdministrativeLevel.SpecialZone));
    }

    [Fact]
    public void Districts_gone_in_2025_are_not_on_todays_map()
    {
        Assert.Null(LocalityGazetteer.Since2025.Resolve("huyện Tân Yên"));
        Assert.Null(LocalityGazetteer.Since2025.FindProvince("Bình Định"));
        Assert.Null(Gazetteer.Resolve("Đảng ủy phường Quy Nhơn Nam"));
    }

    [Fact]
    public void Every_former_province_is_held_by_one_of_todays()
    {
        var today = LocalityGazetteer.Since2025.All.Where(l => l.Level is AdministrativeLevel.Province or AdministrativeLevel.CentrallyRunCity).Select(l => l.Name).ToHashSet();
        var former = Gazetteer.All.Where(l => l.Level is AdministrativeLevel.Province or AdministrativeLevel.CentrallyRunCity).ToList();
        Assert.Equal(63, former.Count);
        Assert.All(former, p => Assert.Contains(p.CurrentProvince, today));
        Assert.Equal(["Bình Định", "Gia Lai"], AdministrativeMaps.FormerProvinces("gia lai").Order(StringComparer.Ordinal));
        Assert.Equal(["Hà Nam", "Nam Định", "Ninh Bình"], AdministrativeMaps.FormerProvinces("Ninh Bình").Order(StringComparer.Ordinal));
        Assert.Equal("Đà Nẵng", AdministrativeMaps.CurrentProvinceOf("Quảng Nam"));
        Assert.Equal("Hồ Chí Minh", AdministrativeMaps.CurrentProvinceOf("ba ria - vung tau"));
        Assert.Null(AdministrativeMaps.CurrentProvinceOf("Không Có"));
    }

    [Fact]
    public void A_former_district_knows_the_communes_that_kept_its_ground_where_the_data_say()
    {
        var quyNhon = Gazetteer.Resolve("thành phố Quy Nhơn")!;
        Assert.Contains("Phường Quy Nhơn Nam", Gazetteer.CurrentUnits(quyNhon));
        Assert.Equal(["Đặc khu Côn Đảo"], Gazetteer.CurrentUnits(Gazetteer.Resolve("huyện Côn Đảo")!));
        Assert.Empty(LocalityGazetteer.Since2025.CurrentUnits(LocalityGazetteer.Since2025.Resolve("phường Quy Nhơn Nam", "Gia Lai")!));
    }

    [Theory]
    [InlineData("2025-06-30", false)]
    [InlineData("2025-07-01", true)]
    [InlineData("2026-03-12", true)]
    public void A_date_picks_the_map_in_force_on_it(string date, bool today) =>
        Assert.Same(today ? LocalityGazetteer.Since2025 : LocalityGazetteer.Pre2025, AdministrativeMaps.For(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
