using System.Net.Http.Json;
using System.Text.Json;

namespace SearchService.Api.Tests.Endpoints;

/// <summary>
/// The localities since the 2025 reorganisation through the API, on the samples: filters, facets and
/// suggestions of communes, wards and special zones, and a search by today's province that takes in
/// the older documents of the province it absorbed (Gia Lai holds the former Bình Định's Quy Nhơn).
/// </summary>
public sealed class LocalityHistoryTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Todays_province_with_history_includes_the_absorbed_provinces_older_documents()
    {
        var today = await Search("province=Gia%20Lai");
        Assert.Equal(["tb-kl-dang-uy-phuong-quy-nhon-nam-phien-12-2026"], Ids(today));

        var withHistory = await Search("province=gia%20lai&history=true&sort=date");
        Assert.Equal(["tb-kl-dang-uy-phuong-quy-nhon-nam-phien-12-2026", "kl-hn20-thanh-uy-quy-nhon-2024"], Ids(withHistory));
        var older = withHistory.GetProperty("hits")[1];
        Assert.Equal("Bình Định", older.GetProperty("province").GetString());
        Assert.Equal("Gia Lai", older.GetProperty("currentProvince").GetString());
        Assert.Equal(2, FacetCount(withHistory, "current_province", "Gia Lai"));
        Assert.Equal(1, FacetCount(withHistory, "province", "Bình Định"));

        // The older document alone, by the province of its date, is still found without history.
        Assert.Equal(["kl-hn20-thanh-uy-quy-nhon-2024"], Ids(await Search("province=B%C3%ACnh%20%C4%90%E1%BB%8Bnh")));
    }

    [Fact]
    public async Task History_takes_a_query_and_keeps_its_own_facet_counts()
    {
        var page = await Search("q=giai%20phong%20mat%20bang&province=Gia%20Lai&history=true");
        Assert.Equal(["kl-hn20-thanh-uy-quy-nhon-2024"], Ids(page));

        // Drill-sideways: today's-province facet still lists the other provinces to switch to.
        Assert.True(page.GetProperty("facets").GetProperty("current_province").GetArrayLength() > 1);
    }

    [Fact]
    public async Task The_record_shows_the_province_of_its_date_and_todays()
    {
        var record = await _client.GetFromJsonAsync<JsonElement>("/api/documents/kl-hn20-thanh-uy-quy-nhon-2024");
        Assert.Equal("Bình Định", record.GetProperty("province").GetString());
        Assert.Equal("Gia Lai", record.GetProperty("currentProvince").GetString());

        var ward = await _client.GetFromJsonAsync<JsonElement>("/api/documents/tb-kl-dang-uy-phuong-quy-nhon-nam-phien-12-2026");
        Assert.Equal(("ward", "Quy Nhơn Nam", "Gia Lai"), (ward.GetProperty("level").GetString(), ward.GetProperty("locality").GetString(), ward.GetProperty("currentProvince").GetString()));
    }

    [Theory]
    [InlineData("commune", 3)]
    [InlineData("ward", 3)]
    [InlineData("special-zone", 1)]
    public async Task The_new_levels_filter_and_facet(string level, int documents)
    {
        var all = await Search("");
        Assert.Equal(documents, FacetCount(all, "level", level));

        var page = await Search($"level={level}");
        Assert.Equal(documents, page.GetProperty("total").GetInt64());
        Assert.All(page.GetProperty("hits").EnumerateArray(), h => Assert.Equal(level, h.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task A_ward_is_a_locality_filter_and_facet_without_accents()
    {
        var page = await Search("locality=quy%20nhon%20nam");
        Assert.Equal(["tb-kl-dang-uy-phuong-quy-nhon-nam-phien-12-2026"], Ids(page));
        Assert.Equal(1, FacetCount(await Search("level=ward"), "locality", "Quy Nhơn Nam"));

        var localities = await _client.GetFromJsonAsync<JsonElement>("/api/localities");
        var quyNhon = localities.EnumerateArray().Single(l => l.GetProperty("locality").GetString() == "Quy Nhơn");
        Assert.Equal(("Bình Định", "Gia Lai"), (quyNhon.GetProperty("province").GetString(), quyNhon.GetProperty("currentProvince").GetString()));
    }

    [Theory]
    [InlineData("dang uy phuong quy nhon nam", "Đảng ủy phường Quy Nhơn Nam", "committee")]
    [InlineData("dang uy dac khu", "Đảng ủy đặc khu Phú Quốc", "committee")]
    [InlineData("quy nhon n", "Quy Nhơn Nam", "locality")]
    [InlineData("meo v", "Mèo Vạc", "locality")]
    public async Task New_localities_and_committees_are_suggested_without_accents(string typed, string text, string field)
    {
        var items = await _client.GetFromJsonAsync<JsonElement>($"/api/suggest?q={Uri.EscapeDataString(typed)}");
        Assert.Contains(items.EnumerateArray(), s => s.GetProperty("text").GetString() == text && s.GetProperty("field").GetString() == field);
    }

    private async Task<JsonElement> Search(string query) =>
        await _client.GetFromJsonAsync<JsonElement>("/api/search?pageSize=50&" + query);

    private static List<string?> Ids(JsonElement page) =>
        [.. page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString())];

    private static long FacetCount(JsonElement page, string facet, string value) =>
        page.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .Where(v => v.GetProperty("value").ToString() == value)
            .Select(v => v.GetProperty("count").GetInt64())
            .SingleOrDefault();
}
