using SearchService.Core.Documents;
using SearchService.Core.Documents.Gazetteer;

namespace SearchService.Core.Tests.Documents;

public class GazetteerTests
{
    private static readonly LocalityGazetteer Gazetteer = LocalityGazetteer.Pre2025;

    [Theory]
    [InlineData("thị xã Thuận Thành", "Thuận Thành", AdministrativeLevel.Town, "Bắc Ninh")]
    [InlineData("huyện Tân Yên", "Tân Yên", AdministrativeLevel.District, "Bắc Giang")]
    [InlineData("Từ Sơn", "Từ Sơn", AdministrativeLevel.ProvincialCity, "Bắc Ninh")]
    [InlineData("tu son", "Từ Sơn", AdministrativeLevel.ProvincialCity, "Bắc Ninh")]
    [InlineData("THÀNH UỶ HẢI PHÒNG", "Hải Phòng", AdministrativeLevel.CentrallyRunCity, "Hải Phòng")]
    [InlineData("Thành ủy Bắc Giang", "Bắc Giang", AdministrativeLevel.ProvincialCity, "Bắc Giang")]
    [InlineData("quận Hải Châu", "Hải Châu", AdministrativeLevel.UrbanDistrict, "Đà Nẵng")]
    [InlineData("thành phố Hoà Bình", "Hòa Bình", AdministrativeLevel.ProvincialCity, "Hòa Bình")]
    [InlineData("huyện Hoằng Hoá", "Hoằng Hóa", AdministrativeLevel.District, "Thanh Hóa")]
    public void Place_phrases_resolve_whatever_the_accents_and_tone_style(string phrase, string name, AdministrativeLevel level, string province) =>
        Assert.Equal(new Locality(name, level, province), Gazetteer.Resolve(phrase));

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
}
