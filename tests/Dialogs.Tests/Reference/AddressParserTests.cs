using VssBot.Dialogs.Reference;

namespace VssBot.Dialogs.Tests.Reference;

public class AddressParserTests
{
    private static readonly AdministrativeUnits Units = AdministrativeUnits.LoadEmbedded();
    private static readonly AddressParser Parser = new(Units, OldAddressConverter.LoadEmbedded(Units));

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
}
