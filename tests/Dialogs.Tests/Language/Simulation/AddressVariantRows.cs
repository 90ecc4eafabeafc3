using System.Globalization;
using VssBot.Dialogs.Reference;

namespace VssBot.Dialogs.Tests.Language.Simulation;

/// <summary>
/// Generated address rows (issue 9): old communes drawn from the reference data (seeded) and written as people write
/// them (kind words abbreviated or left out, no diacritics, no separators, dashes, a house number in front, an everyday
/// province name), and province names (current and former) typed several ways. Expected values come from the data
/// itself: the new commune(s) each old commune went into, the province each former province is part of.
/// </summary>
public static class AddressVariantRows
{
    private static readonly Dictionary<string, string> ShortKinds = new()
    {
        ["Phường"] = "P.", ["Xã"] = "X.", ["Thị trấn"] = "TT.", ["Quận"] = "Q.", ["Huyện"] = "H.", ["Thị xã"] = "TX.", ["Thành phố"] = "TP.", ["Tỉnh"] = "",
    };

    private static readonly Dictionary<string, string[]> EverydayProvinceNames = new()
    {
        ["01"] = ["HN", "Hà Tây"], ["79"] = ["TPHCM", "Sài Gòn", "HCM"], ["77"] = ["BRVT"], ["48"] = ["ĐN"], ["46"] = ["TT Huế"],
    };

    public static IEnumerable<(string Category, string Input, string Expected, string Label)> Generate(int seed)
    {
        var v = new Variants(seed);
        var units = AdministrativeUnits.LoadEmbedded();
        var old = OldAddressConverter.LoadEmbedded(units);
        var communes = old.Communes;
        var byDistrict = communes.GroupBy(c => (c.ProvinceCode, c.DistrictName)).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < 90; i++)
        {
            var c = v.Pick(communes);
            var (name, kind) = Split(c.Name);
            var (district, districtKind) = Split(c.DistrictName);
            var (province, _) = Split(c.ProvinceName);
            // Every old commune of that district with that kind and name: the text cannot tell them apart.
            var expected = string.Join(' ', byDistrict[(c.ProvinceCode, c.DistrictName)]
                .Where(o => Split(o.Name) == (name, kind)).SelectMany(o => o.NewCommuneCodes).Distinct().Order(StringComparer.Ordinal));
            var numeric = name.All(char.IsAsciiDigit);
            var shortCommune = numeric && v.Chance(0.5) ? ShortKinds[kind].TrimEnd('.') + name : $"{ShortKinds[kind]} {name}";
            var shortDistrict = district.All(char.IsAsciiDigit) ? ShortKinds[districtKind].TrimEnd('.') + district : $"{ShortKinds[districtKind]} {district}";
            var everyday = EverydayProvinceNames.GetValueOrDefault(c.ProvinceCode) is { } names ? v.Pick(names) : province;
            var rows = new (string Label, string Text)[]
            {
                ("full", $"{c.Name}, {c.DistrictName}, {c.ProvinceName}"),
                ("short-kinds", $"{shortCommune}, {shortDistrict}, {everyday}"),
                ("no-diacritics", Variants.Strip($"{kind.ToLowerInvariant()} {name}, {(district.All(char.IsAsciiDigit) ? districtKind.ToLowerInvariant() + " " : "")}{district}, {province}")),
                ("no-separators", $"{shortCommune.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant()} {shortDistrict.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant()} {everyday}"),
                ("dashes", $"{name} - {district} - {province}"),
                ("house-number", $"số {v.Pick(new[] { 3, 12, 27, 105 })} ngõ {v.Pick(new[] { 5, 18, 42 })} {kind.ToLowerInvariant()} {name} {districtKind.ToLowerInvariant()} {district} {province}"),
            };
            foreach (var (label, text) in rows)
            {
                // A name made only of a number needs its kind word ("Phường 6"): the dash form leaves it out, so skip it there.
                if (label == "dashes" && (numeric || district.All(char.IsAsciiDigit))) continue;
                yield return ("oldAddress", text, expected, "oldAddress/" + label);
            }
        }
        // Current communes at the commune question ("province code | text"); a name another commune of the province
        // shares once the kind word or the diacritics are left out can only be asked back.
        for (var i = 0; i < 60; i++)
        {
            var c = v.Pick(units.Communes);
            var same = units.CommunesOf(c.ProvinceCode).Where(o => o != c).ToList();
            string Expect(bool kindKept, bool diacritics) => same.Any(o =>
                (diacritics ? o.Name == c.Name : Variants.Strip(o.Name).Equals(Variants.Strip(c.Name), StringComparison.OrdinalIgnoreCase))
                && (!kindKept || o.Kind == c.Kind)) ? "ambiguous" : c.Code;
            var numeric = c.Name.All(char.IsAsciiDigit);
            var rows = new (string Label, string Text, string Expected)[]
            {
                ("full", c.FullName, Expect(true, true)),
                ("no-kind", c.Name, Expect(false, true)),
                ("no-diacritics", Variants.Strip(c.FullName).ToLowerInvariant(), Expect(true, false)),
                ("short-kind", $"{ShortKinds.GetValueOrDefault(c.Kind, c.Kind)} {c.Name}", Expect(true, true)),
                ("sentence", $"dạ em ở {c.FullName.ToLowerInvariant()} ạ", Expect(true, true)),
            };
            foreach (var (label, text, expected) in rows)
                if (!(numeric && label == "no-kind")) yield return ("commune", $"{c.ProvinceCode} | {text}", expected, "commune/" + label);
        }
        foreach (var p in communes.DistinctBy(c => c.ProvinceCode))
        {
            var (province, kind) = Split(p.ProvinceName);
            var now = old.Convert($"{p.Name}, {p.DistrictName}, {p.ProvinceName}").Candidates[0].ProvinceCode;
            foreach (var (label, text) in new[] { ("name", province), ("kind", $"{kind.ToLowerInvariant()} {province}"), ("no-diacritics", Variants.Strip(province)), ("sentence", $"dạ em ở {province} ạ") })
                yield return ("province", text, now, "province/" + label);
        }
        foreach (var p in units.Provinces)
            foreach (var (label, text) in new[] { ("current", p.FullName), ("current-no-diacritics", Variants.Strip(p.Name).ToLower(CultureInfo.InvariantCulture)) })
                yield return ("province", text, p.Code, "province/" + label);
    }

    private static (string Name, string Kind) Split(string fullName)
    {
        foreach (var kind in new[] { "Thành phố", "Thị trấn", "Thị xã", "Phường", "Quận", "Huyện", "Tỉnh", "Xã" })
            if (fullName.StartsWith(kind + " ", StringComparison.Ordinal)) return (fullName[(kind.Length + 1)..], kind);
        return (fullName, "");
    }
}
