using System.Collections.Frozen;
using System.Text.Json;

namespace VssBot.Dialogs.Reference;

/// <summary>The two-level administrative units in force since 1/7/2025, loaded from an embedded data file.</summary>
/// <remarks>Immutable and thread-safe; load once and hold as a singleton. Codes are only meaningful together with <see cref="Version"/>:
/// new commune codes reuse old codes of other units.</remarks>
public sealed class AdministrativeUnits
{
    internal const string DataFile = "administrative-units.json";

    private static readonly (string, string?)[] ProvinceKindWords =
        [("thành phố", "Thành phố"), ("tp", "Thành phố"), ("t p", "Thành phố"), ("tỉnh", "Tỉnh")];

    private static readonly (string, string?)[] CommuneKindWords =
        [("phường", "Phường"), ("p", "Phường"), ("xã", "Xã"), ("x", "Xã"), ("đặc khu", "Đặc khu"), ("dk", "Đặc khu"),
         ("thị trấn", null), ("tt", null)];

    private readonly FrozenDictionary<string, Province> _provinces;
    private readonly FrozenDictionary<string, Commune> _communes;
    private readonly FrozenDictionary<string, Commune[]> _communesByProvince;
    private readonly NameIndex<Province> _provinceIndex;
    private readonly FrozenDictionary<string, NameIndex<Commune>> _communeIndexes;

    private AdministrativeUnits(string version, string source, IReadOnlyList<string> amendments, Province[] provinces, Commune[] communes)
    {
        Version = version;
        Source = source;
        Amendments = amendments;
        Provinces = provinces;
        Communes = communes;
        _provinces = provinces.ToFrozenDictionary(p => p.Code);
        _communes = communes.ToFrozenDictionary(c => c.Code);
        _communesByProvince = communes.GroupBy(c => c.ProvinceCode).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        _provinceIndex = new NameIndex<Province>(
            // Everyday names ("hn", "hcm", "sg", "Hà Tây"): Reference/Data/address-words.vi.tsv.
            provinces.Select(p => (p, p.Name, p.Kind, AddressWords.Embedded.AliasesOf(p.Name))),
            ProvinceKindWords);
        _communeIndexes = _communesByProvince.ToFrozenDictionary(g => g.Key, g => new NameIndex<Commune>(
            g.Value.Select(c => (c, c.Name, c.Kind, Enumerable.Empty<string>())), CommuneKindWords));
    }

    /// <summary>Loads the embedded data set (Reference/administrative-units.json); a new instance each call.</summary>
    public static AdministrativeUnits LoadEmbedded()
    {
        using var doc = EmbeddedReferenceData.ReadJson(DataFile);
        var root = doc.RootElement;
        var header = root.GetProperty("h");
        var kinds = root.GetProperty("k").EnumerateArray().Select(k => k.GetString()!).ToArray();
        var provinces = root.GetProperty("p").EnumerateArray()
            .Select(p => new Province(p[0].GetString()!, p[1].GetString()!, p[2].GetString()!)).ToArray();
        var communes = root.GetProperty("c").EnumerateArray()
            .Select(c => new Commune(c[0].GetString()!, c[1].GetString()!, kinds[c[2].GetInt32()], c[3].GetString()!)).ToArray();
        var amendments = header.GetProperty("amendments").EnumerateArray()
            .Select(a => $"{a.GetProperty("date").GetString()}: {a.GetProperty("change").GetString()}").ToArray();
        var source = $"{header.GetProperty("source").GetString()}. Data: {header.GetProperty("licence").GetString()}; "
            + $"amendments: {string.Join("; ", amendments)}";
        return new AdministrativeUnits(header.GetProperty("dataSetVersion").GetString()!, source, amendments, provinces, communes);
    }

    /// <summary>The data-set version, e.g. "2025-07-01+2026-04-30" (base date plus applied amendments). Store it with every code.</summary>
    public string Version { get; }

    /// <summary>Where the data comes from, its licence and the amendments applied.</summary>
    public string Source { get; }

    /// <summary>Changes applied on top of the 1/7/2025 base data, one line each ("2026-04-30: Đồng Nai …").</summary>
    public IReadOnlyList<string> Amendments { get; }

    /// <summary>The 34 provinces/cities, in code order.</summary>
    public IReadOnlyList<Province> Provinces { get; }

    /// <summary>All 3,321 communes (phường, xã, đặc khu), in code order.</summary>
    public IReadOnlyList<Commune> Communes { get; }

    public Province? GetProvince(string code) => _provinces.GetValueOrDefault(code);

    public Commune? GetCommune(string code) => _communes.GetValueOrDefault(code);

    /// <summary>The communes of a province, in code order; empty for an unknown code.</summary>
    public IReadOnlyList<Commune> CommunesOf(string provinceCode) => _communesByProvince.GetValueOrDefault(provinceCode, []);

    /// <summary>Fuzzy, diacritic-insensitive; "Tỉnh"/"Thành phố"/"tp" optional; short forms ("hn", "hcm", "sg"). Best first; one element when certain.</summary>
    public IReadOnlyList<Province> FindProvinces(string text) => _provinceIndex.Find(text);

    /// <summary>Every current province close to the text, best first, with its score (0 exact … 3 typos or partial).</summary>
    internal IReadOnlyList<(Province Item, double Score)> RankProvinces(string? text) => _provinceIndex.Rank(text);

    /// <summary>Fuzzy, diacritic-insensitive; "Phường"/"Xã"/"P."/"X."/"Đặc khu" optional. Best first; one element when certain; empty for an unknown province.</summary>
    public IReadOnlyList<Commune> FindCommunes(string provinceCode, string text) =>
        _communeIndexes.TryGetValue(provinceCode, out var index) ? index.Find(text) : [];
}
