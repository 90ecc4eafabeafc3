using VssBot.Dialogs.Reference;

namespace VssBot.Dialogs.Tests.Reference;

public class OfficeDirectoryTests
{
    private static readonly AdministrativeUnits Units = AdministrativeUnits.LoadEmbedded();
    private static readonly OfficeDirectory Offices = OfficeDirectory.LoadEmbedded(Units);
    private static readonly Province HaNoi = Units.GetProvince("01")!;

    private static IEnumerable<(string Office, string Commune)> HaNoiListAsWritten()
    {
        // The commune names exactly as written in the data file (copied from Phụ lục 02, CV 1521/BHXH-TCCB, typos included).
        var rows = EmbeddedReferenceData.ReadText("offices.tsv").Split('\n')
            .Where(l => !l.StartsWith('#') && l.Length > 0).Skip(1).Select(l => l.Split('\t'));
        foreach (var cells in rows.Where(c => c[1] == "01" && c[2] == "co-so"))
        {
            foreach (var commune in cells[4].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return (cells[3], commune);
        }
    }

    [Fact]
    public void Hanoi_has_23_local_offices_with_address_and_phone()
    {
        var local = Offices.Offices.Where(o => o.ProvinceCode == "01" && o.CommuneCodes.Count > 0).ToArray();
        Assert.Equal(23, local.Length);
        Assert.All(local, o => Assert.StartsWith("BHXH cơ sở ", o.Name));
        Assert.All(local, o => Assert.Matches(@"^024\.\d{8}$", o.Phone));
        Assert.All(local, o => Assert.Contains("Hà Nội", o.Address));
    }

    [Fact]
    public void Every_commune_named_in_the_Hanoi_list_resolves_to_exactly_one_commune_of_Hanoi()
    {
        var list = HaNoiListAsWritten().ToArray();
        Assert.NotEmpty(list);
        foreach (var (office, name) in list)
        {
            var found = Units.FindCommunes("01", name);
            var commune = Assert.Single(found);
            Assert.Equal("01", commune.ProvinceCode);
            Assert.Contains(commune.Code, Offices.Get(ReferenceText.Slug(office))!.CommuneCodes);
        }
        Assert.Equal("Xã Ba Vì", Assert.Single(Units.FindCommunes("01", "Xã Ba Vi")).FullName);
    }

    [Fact]
    public void No_Hanoi_commune_is_served_by_two_local_offices_and_every_listed_code_is_distinct()
    {
        var codes = Offices.Offices.Where(o => o.ProvinceCode == "01").SelectMany(o => o.CommuneCodes).ToArray();
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Equal(HaNoiListAsWritten().Count(), codes.Length);
    }

    [Fact]
    public void Offices_for_Phuong_Cau_Giay_put_BHXH_co_so_Cau_Giay_first_then_the_city_office()
    {
        var commune = Assert.Single(Units.FindCommunes("01", "Phường Cầu Giấy"));
        var offices = Offices.OfficesFor(HaNoi, commune);
        Assert.Equal("BHXH cơ sở Cầu Giấy", offices[0].Name);
        Assert.Equal("bhxh-co-so-cau-giay", offices[0].Id);
        Assert.Equal("BHXH thành phố Hà Nội", offices[1].Name);
        Assert.Equal(24, offices.Count); // 23 local offices and the city office
        Assert.Equal(offices.Count, offices.Distinct().Count());
    }

    [Fact]
    public void Offices_for_Xa_Phuc_Tho_put_BHXH_co_so_Son_Tay_first()
    {
        var commune = Units.GetCommune("09715")!;
        Assert.Equal("BHXH cơ sở Sơn Tây", Offices.OfficesFor(HaNoi, commune)[0].Name);
    }

    [Fact]
    public void Ha_Dong_area_wards_missing_from_the_published_list_get_the_city_office_first()
    {
        // Phụ lục 02 as copied lists 121 of Hà Nội's 126 communes; the five Hà Đông-area wards are in no list.
        var listed = Offices.Offices.SelectMany(o => o.CommuneCodes).ToHashSet();
        var unlisted = Units.CommunesOf("01").Where(c => !listed.Contains(c.Code)).Select(c => c.FullName).Order().ToArray();
        Assert.Equal(new[] { "Phường Dương Nội", "Phường Hà Đông", "Phường Kiến Hưng", "Phường Phú Lương", "Phường Yên Nghĩa" }.Order(), unlisted);
        var haDong = Assert.Single(Units.FindCommunes("01", "Phường Hà Đông"));
        Assert.Equal("bhxh-thanh-pho-ha-noi", Offices.OfficesFor(HaNoi, haDong)[0].Id);
    }

    [Fact]
    public void A_province_without_a_local_office_list_gets_its_provincial_office()
    {
        var caoBang = Units.GetProvince("04")!;
        var office = Assert.Single(Offices.OfficesFor(caoBang, Units.CommunesOf("04")[0]));
        Assert.Equal("BHXH tỉnh Cao Bằng", office.Name);
        Assert.Null(office.Address);
        Assert.Null(office.Phone);
        Assert.Equal("BHXH thành phố Đồng Nai", Assert.Single(Offices.OfficesFor(Units.GetProvince("75")!, null)).Name);
    }

    [Fact]
    public void Every_province_has_exactly_one_provincial_office_and_offices_for_it_are_never_empty()
    {
        Assert.All(Units.Provinces, p =>
        {
            var provincial = Offices.ProvincialOfficeFor(p.Code);
            Assert.NotNull(provincial);
            Assert.Equal(p.Code, provincial.ProvinceCode);
            Assert.Equal(provincial, Offices.OfficesFor(p, null)[0]);
        });
        Assert.Equal(34 + 23, Offices.Offices.Count);
    }

    [Fact]
    public void Offices_have_stable_slug_ids_and_unknown_ids_give_null()
    {
        Assert.All(Offices.Offices, o => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", o.Id));
        Assert.Equal("BHXH cơ sở Tây Tựu", Offices.Get("bhxh-co-so-tay-tuu")!.Name);
        Assert.Equal("024.32242059", Offices.Get("bhxh-co-so-tay-tuu")!.Phone);
        Assert.Null(Offices.Get("bhxh-quan-bac-tu-liem"));
    }

    [Fact]
    public void The_directory_carries_its_source_and_date()
    {
        Assert.Contains("1521/BHXH-TCCB", Offices.Source);
        Assert.Equal(new DateOnly(2025, 7, 9), Offices.AsOf);
    }

    [Fact]
    public void A_commune_name_that_does_not_resolve_fails_the_load()
    {
        const string tsv = "# source: test\n# date: 2025-07-09\nid\tprovince\tlevel\tname\tcommunes\taddress\tphone\n"
            + "x\t01\tco-so\tX\tPhường Không Có\t\t\n";
        Assert.Throws<InvalidDataException>(() => OfficeDirectory.Parse(tsv, Units));
    }
}
