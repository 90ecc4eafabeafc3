using VssBot.Dialogs.Reference;

namespace VssBot.Dialogs.Tests.Reference;

public class AddressParserTests
{
    private static readonly AdministrativeUnits Units = AdministrativeUnits.LoadEmbedded();
    private static readonly OldAddressConverter OldAddresses = OldAddressConverter.LoadEmbedded(Units);
    private static readonly AddressParser Parser = new(Units, OldAddresses);

    [Theory]
    [InlineData("12 Trần Duy Hưng, Phường Cầu Giấy, Hà Nội", "Phường Cầu Giấy", "12 Trần Duy Hưng", false)]
    [InlineData("so 6 tran dang ninh, cau giay, ha noi", "Phường Cầu Giấy", "so 6 tran dang ninh", false)]
    [InlineData("Thôn 4 Thủ Trại, Xã Phúc Hòa, Huyện Phúc Thọ, Thành phố Hà Nội", "Xã Phúc Thọ", "Thôn 4 Thủ Trại", true)]
    [InlineData("01 - Thành phố Hà Nội x 272 - Huyện Phúc Thọ x 09763 - Xã Phúc Hòa x Thôn 4 Thủ Trại", "Xã Phúc Thọ", "Thôn 4 Thủ Trại", true)]
    [InlineData("Thôn 4 Thủ Trại, Xã Phúc Hòa, Phúc Thọ, Hà Nội", "Xã Phúc Thọ", "Thôn 4 Thủ Trại", true)]
    public void A_whole_address_gives_the_current_commune_and_the_detail(string text, string commune, string detail, bool old)
    {
        var parsed = Parser.Parse(text)!;
        Assert.Equal(commune, Assert.Single(parsed.Communes).FullName);
        Assert.Equal("Thành phố Hà Nội", parsed.Province.FullName);
        Assert.Equal(detail, parsed.Detail);
        Assert.Equal(old, parsed.WasOldAddress);
    }

    [Theory]
    [InlineData("Hà Nội")]
    [InlineData("cau giay")]
    [InlineData("")]
    public void A_single_name_is_not_a_whole_address(string text) => Assert.Null(Parser.Parse(text));

    [Fact]
    public void A_former_province_in_a_current_style_address_is_mapped_to_its_new_province()
    {
        var parsed = Parser.Parse("Số 1 Trần Hưng Đạo, Phường Hoa Lư, Nam Định");
        Assert.NotNull(parsed);
        Assert.Equal("Tỉnh Ninh Bình", parsed!.Province.FullName);
    }

    [Theory]
    // Abbreviated kind words, glued numbers, "/" inside a house number, everyday province names.
    [InlineData("15/3 Nguyễn Trãi, P2, Q5, TPHCM", "Phường 2", "Quận 5", "15/3 Nguyễn Trãi")]
    [InlineData("f7 q. phu nhuan sg", "Phường 7", "Quận Phú Nhuận", null)]
    // Dashes as separators; no kind words at all.
    [InlineData("Xuân Khánh - Ninh Kiều - Cần Thơ", "Phường Xuân Khánh", "Quận Ninh Kiều", null)]
    // The city named decides between communes of the same name in one province (Trường Thi is also in TP Thanh Hóa).
    [InlineData("phường Trường Thi, TP Vinh", "Phường Trường Thi", "Thành phố Vinh", null)]
    // Hà Tây, merged into Hà Nội in 2008; "Việt Nam" at the end; a lead-in is not part of the detail.
    [InlineData("xã Đông La, Hoài Đức, Hà Tây", "Xã Đông La", "Huyện Hoài Đức", null)]
    [InlineData("Thôn 2, X. Tân Hội, H. Đan Phượng, TP. Hà Nội, Việt Nam", "Xã Tân Hội", "Huyện Đan Phượng", "Thôn 2")]
    [InlineData("em ở số 4 ngách 12 ngõ 80 Chùa Bộc, p Trung Liệt, q Đống Đa, HN ạ", "Phường Trung Liệt", "Quận Đống Đa", "số 4 ngách 12 ngõ 80 Chùa Bộc")]
    public void An_old_address_written_as_people_write_it_is_read_to_its_old_commune(string text, string commune, string district, string? detail)
    {
        var conversion = OldAddresses.Convert(text);
        var old = Assert.Single(conversion.OldCommunes);
        Assert.Equal((commune, district), (old.Name, old.DistrictName));
        Assert.Equal(old.NewCommuneCodes.Order(), conversion.Candidates.Select(c => c.Code).Order());
        Assert.Equal(detail, conversion.Detail);
        Assert.True(Parser.Parse(text)!.WasOldAddress);
    }

    [Fact]
    public void A_current_commune_with_the_city_written_as_tp_is_read_in_the_current_system()
    {
        var parsed = Parser.Parse("Phường Hạc Thành, TP Thanh Hóa")!;
        Assert.Equal("Phường Hạc Thành", Assert.Single(parsed.Communes).FullName);
        Assert.False(parsed.WasOldAddress);
    }

    [Theory]
    [InlineData("Shinjuku, Tokyo")]
    [InlineData("Busan, Hàn Quốc")]
    public void An_address_abroad_is_no_Vietnamese_address(string text)
    {
        Assert.Null(Parser.Parse(text));
        Assert.NotNull(OldAddresses.ReadProvince(text).ForeignCountry);
    }
}
