using VssBot.Dialogs.Reference;

namespace VssBot.Dialogs.Tests.Reference;

public class OldAddressConverterTests
{
    private static readonly AdministrativeUnits Units = AdministrativeUnits.LoadEmbedded();
    private static readonly OldAddressConverter Converter = OldAddressConverter.LoadEmbedded(Units);

    [Fact]
    public void The_seed_Form01_address_converts_to_Xa_Phuc_Tho_Thanh_pho_Ha_Noi_keeping_the_detail()
    {
        var result = Converter.Convert("01 - Thành phố Hà Nội x 272 - Huyện Phúc Thọ x 09763 - Xã Phúc Hòa x Thôn 4 Thủ Trại");
        var commune = Assert.Single(result.Candidates);
        Assert.True(result.IsCertain);
        Assert.Equal("Xã Phúc Thọ", commune.FullName);
        Assert.Equal("Thành phố Hà Nội", Units.GetProvince(commune.ProvinceCode)!.FullName);
        Assert.Equal("09763", Assert.Single(result.OldCommunes).Code);
        Assert.Equal("Thôn 4 Thủ Trại", result.Detail);
        Assert.Equal("Thôn 4 Thủ Trại, Xã Phúc Thọ, Thành phố Hà Nội", Converter.Format(result.Detail, commune));
    }

    [Theory]
    [InlineData("Xã Phúc Hòa, Huyện Phúc Thọ, Thành phố Hà Nội", null)]
    [InlineData("Thôn 4 Thủ Trại, Xã Phúc Hòa, Huyện Phúc Thọ, Thành phố Hà Nội", "Thôn 4 Thủ Trại")]
    [InlineData("thon 4 thu trai, xa phuc hoa, huyen phuc tho, ha noi", "thon 4 thu trai")]
    [InlineData("Xã Phúc Hoà, H. Phúc Thọ, TP Hà Nội", null)]
    [InlineData("Phuc Hoa, Phuc Tho, Ha Noi", null)]
    public void The_seed_address_written_with_commas_converts_too(string text, string? detail)
    {
        var result = Converter.Convert(text);
        Assert.Equal("Xã Phúc Thọ", Assert.Single(result.Candidates).FullName);
        Assert.Equal(detail, result.Detail);
    }

    [Fact]
    public void A_reused_code_is_not_trusted_when_the_name_beside_it_differs()
    {
        // 00008 was Phường Liễu Giai; today it is Phường Ngọc Hà. Old Phường Ngọc Hà (00016) also went to Ngọc Hà.
        var result = Converter.Convert("01 - Thành phố Hà Nội x 001 - Quận Ba Đình x 00008 - Phường Ngọc Hà x Số 1");
        Assert.Equal("Phường Ngọc Hà", Assert.Single(result.Candidates).FullName);
        Assert.Equal("00016", Assert.Single(result.OldCommunes).Code);
        Assert.Equal("Phường Liễu Giai", Converter.GetOldCommune("00008")!.Name);
    }

    [Fact]
    public void An_old_commune_split_over_several_new_ones_gives_all_of_them()
    {
        var split = Converter.Communes.First(c => c.NewCommuneCodes.Count > 1);
        var result = Converter.Convert($"{split.Name}, {split.DistrictName}, {split.ProvinceName}");
        Assert.False(result.IsCertain);
        Assert.Equal(split.NewCommuneCodes, result.Candidates.Select(c => c.Code));
    }

    [Fact]
    public void Go_Vap_Phuong_13_was_split_between_An_Hoi_Tay_and_An_Hoi_Dong()
    {
        var result = Converter.Convert("Phường 13, Quận Gò Vấp, Thành phố Hồ Chí Minh");
        Assert.Equivalent(new[] { "Phường An Hội Tây", "Phường An Hội Đông" }, result.Candidates.Select(c => c.FullName).ToArray(), strict: true);
    }

    [Fact]
    public void A_commune_name_shared_by_several_districts_without_a_district_gives_several()
    {
        var result = Converter.Convert("Phường 1, Thành phố Hồ Chí Minh");
        Assert.True(result.Candidates.Count > 1);
        Assert.True(result.OldCommunes.Select(c => c.DistrictName).Distinct().Count() > 1);
    }

    [Fact]
    public void The_mapping_covers_the_old_units_and_points_only_to_current_communes()
    {
        Assert.Equal(Units.Version, Converter.Version);
        Assert.Equal(63, Converter.Communes.Select(c => c.ProvinceCode).Distinct().Count());
        Assert.True(Converter.Communes.Count(c => c.Code is not null) > 10_000);
        Assert.All(Converter.Communes, c => Assert.All(c.NewCommuneCodes, code => Assert.NotNull(Units.GetCommune(code))));
        Assert.Equal("Xã Phúc Thọ", Units.GetCommune(Assert.Single(Converter.GetOldCommune("09715")!.NewCommuneCodes))!.FullName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Số 1 đường không tên")]
    public void Text_without_known_units_gives_no_candidates(string text)
    {
        var result = Converter.Convert(text);
        Assert.Empty(result.Candidates);
    }

    [Theory]
    [InlineData("xã võng xuyên huyện phúc thọ hà nội", "Xã Phúc Lộc")]
    [InlineData("phuong 15 quan 10 tp hcm", "Phường Hòa Hưng")]
    [InlineData("Phường Phúc Xá quận Ba Đình Hà Nội", "Phường Hồng Hà")]
    [InlineData("Thôn 4 Thủ Trại, xã Phúc Hoà, huyện Phúc Thọ, HN", "Xã Phúc Thọ")]
    public void An_address_typed_without_commas_or_with_a_short_province_name_converts(string text, string commune) =>
        Assert.Equal(commune, Units.GetCommune(Assert.Single(Converter.Convert(text).Candidates).Code)!.FullName);

    [Theory]
    [InlineData("Quảng Nam", "Đà Nẵng")]
    [InlineData("Bắc Giang", "Bắc Ninh")]
    [InlineData("Quảng Bình", "Quảng Trị")]
    [InlineData("Bình Định", "Gia Lai")]
    public void A_province_merged_away_is_recognised_before_a_current_province_it_resembles(string text, string now)
    {
        var reading = Converter.ReadProvince(text);
        Assert.Equal(now, reading.Province?.Name);
        Assert.NotNull(reading.FormerName);
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("Tuyên Quang")]
    [InlineData("Bắc Ninh")]
    [InlineData("Hà Nọi")]
    public void A_current_province_is_not_taken_for_a_merged_one(string text)
    {
        var reading = Converter.ReadProvince(text);
        Assert.Null(reading.FormerName);
        Assert.NotNull(reading.Province);
    }

    [Theory]
    [InlineData("brvt", "79")]          // Bà Rịa - Vũng Tàu, merged into Hồ Chí Minh in 2025
    [InlineData("ha tay", "01")]
    [InlineData("quê em ở Hải Dương", "31")]
    [InlineData("tp hcm", "79")]
    public void Everyday_and_former_province_names_give_the_current_province(string text, string code) =>
        Assert.Equal(code, Converter.ReadProvince(text).Province?.Code);

    [Theory]
    [InlineData("bac", new[] { "19", "24", "96" })] // Bắc Kạn, Bắc Giang / Bắc Ninh, Bạc Liêu
    [InlineData("Hà", new[] { "01", "08", "37", "42" })]
    [InlineData("quảng", new[] { "22", "44", "48", "51" })]
    public void A_partial_name_shared_by_several_provinces_gives_choices_never_one(string text, string[] some)
    {
        var reading = Converter.ReadProvince(text);
        Assert.Null(reading.Province);
        Assert.All(some, code => Assert.Contains(reading.Choices, p => p.Code == code));
    }

    [Theory]
    [InlineData("Osaka", "Nhật Bản")]
    [InlineData("Busan, Hàn Quốc", "Hàn Quốc")]
    [InlineData("Đài Bắc", "Đài Loan")]
    public void A_place_abroad_is_said_to_be_abroad(string text, string country)
    {
        Assert.Equal(country, Converter.ReadProvince(text).ForeignCountry);
        Assert.Empty(Converter.Convert(text).Candidates);
    }

    [Theory]
    [InlineData("Đà Lạt", "68", "Thành phố Đà Lạt")]
    [InlineData("dạ em ở Biên Hòa", "75", "Thành phố Biên Hòa")]
    public void A_former_city_named_instead_of_a_province_gives_its_province(string text, string code, string district)
    {
        var reading = Converter.ReadProvince(text);
        Assert.Equal(code, reading.Province?.Code);
        Assert.Equal(district, reading.FormerDistrict);
    }

    [Fact]
    public void A_commune_of_before_2025_named_at_the_commune_question_gives_the_current_one()
    {
        Assert.Equal("Phường Đống Đa", Assert.Single(Converter.CommunesOfOldName("01", "Trung Liệt")).FullName);
        Assert.Equal("Phường Đống Đa", Assert.Single(Converter.CommunesOfOldName("01", "p trung liet, q dong da")).FullName);
        // "Phường 5" was in many districts of Hồ Chí Minh: without the district it is no answer.
        Assert.Empty(Converter.CommunesOfOldName("79", "Phường 5"));
    }

    [Fact]
    public void An_abbreviated_xa_is_not_taken_for_Form_01_notation()
    {
        var result = Converter.Convert("x Phúc Hòa h Phúc Thọ HN");
        Assert.Equal("Xã Phúc Thọ", Assert.Single(result.Candidates).FullName);
    }

    [Theory]
    [InlineData("ha nooi", "01")]
    [InlineData("thanh hao", "38")]
    public void A_province_read_through_a_typo_is_one_choice_to_confirm_not_taken(string text, string code)
    {
        var reading = Converter.ReadProvince(text);
        Assert.Null(reading.Province);
        Assert.Equal(code, Assert.Single(reading.Choices).Code);
    }
}
