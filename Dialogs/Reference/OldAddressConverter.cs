using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Reference;

/// <summary>A commune-level unit of the three-level system before 1/7/2025 and the new commune(s) it became part of.</summary>
/// <param name="Code">Old commune code; null for the few old communes the source names without a code.</param>
/// <param name="Name">Full old name, e.g. "Xã Phúc Hòa".</param>
/// <param name="DistrictName">e.g. "Huyện Phúc Thọ" (old district codes are not in the source).</param>
/// <param name="ProvinceName">e.g. "Thành phố Hà Nội".</param>
/// <param name="ProvinceCode">Old province code, e.g. "01".</param>
/// <param name="NewCommuneCodes">Codes in the current data set; several when the old commune was split.</param>
public sealed record OldCommune(string? Code, string Name, string DistrictName, string ProvinceName, string ProvinceCode, IReadOnlyList<string> NewCommuneCodes);

/// <summary>The result of converting an old (three-level) address.</summary>
/// <param name="Detail">What is left of the text besides the units, e.g. "Thôn 4 Thủ Trại"; null when nothing.</param>
/// <param name="OldCommunes">The old communes recognised (several when the text is ambiguous).</param>
/// <param name="Candidates">The new communes, best first; one when certain; empty when nothing was recognised.</param>
public sealed record OldAddressConversion(string? Detail, IReadOnlyList<OldCommune> OldCommunes, IReadOnlyList<Commune> Candidates)
{
    public bool IsCertain => Candidates.Count == 1;
}

/// <summary>
/// Converts addresses written in the old three-level system ("Xã Phúc Hòa, Huyện Phúc Thọ, Thành phố Hà Nội", or the
/// Form 01 style "01 - Thành phố Hà Nội x 272 - Huyện Phúc Thọ x 09763 - Xã Phúc Hòa x Thôn 4 Thủ Trại") to new communes.
/// </summary>
/// <remarks>Loaded from the embedded Reference/old-to-new-communes.json; immutable and thread-safe. An old commune code is
/// trusted only when the name written next to it (if any) is that old commune's name: new codes reuse old codes.</remarks>
public sealed class OldAddressConverter
{
    internal const string DataFile = "old-to-new-communes.json";
    private const double CloseEnough = 1.5; // exact, kind or diacritics differing, or one typo

    private static readonly (string, string?)[] ProvinceKindWords = [("thành phố", "Thành phố"), ("tp", "Thành phố"), ("tỉnh", "Tỉnh")];
    private static readonly (string, string?)[] DistrictKindWords =
        [("quận", "Quận"), ("q", "Quận"), ("huyện", "Huyện"), ("h", "Huyện"), ("thị xã", "Thị xã"), ("tx", "Thị xã"),
         ("thành phố", "Thành phố"), ("tp", "Thành phố")];
    private static readonly (string, string?)[] CommuneKindWords =
        [("phường", "Phường"), ("p", "Phường"), ("xã", "Xã"), ("x", "Xã"), ("thị trấn", "Thị trấn"), ("tt", "Thị trấn")];
    private static readonly Regex CodePrefix = new(@"^\s*(\d{2,5})\s*-\s*(.*)$", RegexOptions.CultureInvariant);

    private readonly AdministrativeUnits _units;
    private readonly FrozenDictionary<string, OldCommune> _byCode;
    private readonly NameIndex<string> _provinces; // old province code
    private readonly FrozenDictionary<string, NameIndex<string>> _districts; // per old province code: district key
    private readonly FrozenDictionary<string, NameIndex<OldCommune>> _communesByDistrict; // district key = province|district
    private readonly FrozenDictionary<string, NameIndex<OldCommune>> _communesByProvince;
    private readonly NameIndex<OldCommune> _allCommunes;
    private readonly FrozenDictionary<string, (string OldName, string NewProvinceCode)> _formerProvinces; // by old province code

    private OldAddressConverter(AdministrativeUnits units, string version, IReadOnlyList<OldCommune> communes)
    {
        _units = units;
        Version = version;
        Communes = communes;
        _byCode = communes.Where(c => c.Code is not null).ToFrozenDictionary(c => c.Code!);
        _provinces = new NameIndex<string>(communes.DistinctBy(c => c.ProvinceCode)
            .Select(c => (c.ProvinceCode, Split(c.ProvinceName, ProvinceKindWords).Name, Split(c.ProvinceName, ProvinceKindWords).Kind,
                // The everyday names students write ("HN", "BRVT", "Hà Tây"), from Reference/Data/address-words.vi.tsv.
                AddressWords.Embedded.AliasesOf(Split(c.ProvinceName, ProvinceKindWords).Name))),
            ProvinceKindWords);
        _districts = communes.GroupBy(c => c.ProvinceCode).ToFrozenDictionary(g => g.Key, g => new NameIndex<string>(
            g.DistinctBy(c => c.DistrictName).Select(c => (DistrictKey(c), Split(c.DistrictName, DistrictKindWords).Name,
                Split(c.DistrictName, DistrictKindWords).Kind, Enumerable.Empty<string>())), DistrictKindWords));
        _communesByDistrict = communes.GroupBy(DistrictKey).ToFrozenDictionary(g => g.Key, g => CommuneIndex(g));
        _communesByProvince = communes.GroupBy(c => c.ProvinceCode).ToFrozenDictionary(g => g.Key, g => CommuneIndex(g));
        _allCommunes = CommuneIndex(communes);
        // Every old province went whole into one new province in 2025: the province of its communes' targets.
        _formerProvinces = communes.GroupBy(c => c.ProvinceCode).ToFrozenDictionary(g => g.Key, g => (g.First().ProvinceName,
            g.SelectMany(c => c.NewCommuneCodes).GroupBy(code => units.GetCommune(code)!.ProvinceCode).MaxBy(t => t.Count())!.Key));
        Reader = new AddressReader(units, communes, old => _formerProvinces[old].NewProvinceCode, AddressWords.Embedded);
    }

    /// <summary>Reads whole addresses in either system (built once with the converter: its indexes are the costly part).</summary>
    internal AddressReader Reader { get; }

    /// <summary>
    /// The province an answer to the province question names: a current province, a former one (now part of another,
    /// <see cref="ProvinceReading.FormerName"/>), everyday names ("HN", "BRVT", "Hà Tây"), a typo, a name inside a
    /// sentence. Names equally close leading to different provinces ("bắc", "hà", "Quảng") are choices, and a name read
    /// through a typo is one choice to confirm (<see cref="ProvinceReading.Province"/> is then null); a place abroad is said so.
    /// </summary>
    public ProvinceReading ReadProvince(string? text)
    {
        // A short name ending a sentence ("dạ em ở Huế ạ") counts as a name inside a sentence.
        var ranked = _units.RankProvinces(text).Select(r => (r.Item.Code, r.Score, Former: (string?)null))
            .Concat(_provinces.Rank(text).Select(r => (Code: _formerProvinces[r.Item].NewProvinceCode, r.Score, Former: (string?)_formerProvinces[r.Item].OldName)))
            .Concat(Reader.ProvincesAtEnd(text).Select(p => (Code: p.NewCode, Score: 2.0, Former: p.OldName)))
            .OrderBy(r => r.Score).ToList();
        var bestBand = ranked.Count == 0 ? int.MaxValue : Band(ranked[0].Score);
        if (bestBand > 1)
        {
            // No province named exactly (a typo at best, or only the start of a name): a former district or city named
            // exactly ("Đà Lạt", "Thủ Đức") gives its province.
            if (bestBand is 2 or > 3 && Reader.DistrictsNamed(text) is { Count: > 0 } districts)
            {
                var provinces = districts.Select(d => d.NewCode).Distinct().Select(c => _units.GetProvince(c)!).ToList();
                return provinces.Count == 1 ? new ProvinceReading(provinces[0], null, [], null, districts[0].DistrictName) : ProvinceReading.None with { Choices = provinces };
            }
            // A place abroad named exactly outweighs a province only guessed at ("Đài Bắc" is no typo for "Đắk Lắk").
            if (Reader.ForeignCountry(text) is { } foreign) return ProvinceReading.None with { ForeignCountry = foreign };
        }
        if (ranked.Count == 0) return ProvinceReading.None;
        var band = Band(ranked[0].Score);
        var inBand = ranked.Where(r => Band(r.Score) == band).ToList();
        var codes = inBand.Select(r => r.Code).Distinct().ToList();
        if (codes.Count > 1) return ProvinceReading.None with { Choices = codes.Select(c => _units.GetProvince(c)!).ToList() };
        var province = _units.GetProvince(codes[0])!;
        // Read through a typo ("ha nooi", "Tây Nguyên" for Thái Nguyên): offered to confirm, never taken silently.
        if (band == 2) return ProvinceReading.None with { Choices = [province] };
        // Named only by a former province that is now part of another (no current name as close): say where it is now.
        var former = inBand.Any(r => r.Former is null) ? null
            : inBand.Select(r => r.Former).FirstOrDefault(n => ReferenceText.Fold(Split(n!, ProvinceKindWords).Name) != ReferenceText.Fold(province.Name));
        return new ProvinceReading(province, former, [], null);
    }

    /// <summary>
    /// A commune answer naming a commune of before 1/7/2025 of this province ("Trung Liệt", "p Trung Liệt, q Đống Đa"):
    /// the current communes it went into. Empty when it names none exactly, or a name several old districts had
    /// ("Phường 5" without its district cannot be told apart).
    /// </summary>
    public IReadOnlyList<Commune> CommunesOfOldName(string provinceCode, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || _units.GetProvince(provinceCode) is not { } province) return [];
        var reading = Reader.Read($"{text}, {province.FullName}", oldOnly: true);
        // Exact names only: a typo of an old name ("Sài Gòn" for Sài Sơn) is a guess too far at this question.
        if (reading.Liberties >= 1) return [];
        if (reading.OldCommunes.Select(c => (c.ProvinceCode, c.DistrictName)).Distinct().Count() != 1) return [];
        return reading.Candidates.Where(c => c.ProvinceCode == provinceCode).ToList();
    }

    /// <summary>Quality bands of <see cref="NameIndex{T}"/> scores: exact, other kind, typos, a name inside a sentence, the start of a name.</summary>
    private static int Band(double score) => score < 0.5 ? 0 : score < 1 ? 1 : score < 2 ? 2 : score < 2.5 ? 3 : 4;

    private static NameIndex<OldCommune> CommuneIndex(IEnumerable<OldCommune> communes) => new(
        communes.Select(c => (c, Split(c.Name, CommuneKindWords).Name, Split(c.Name, CommuneKindWords).Kind, Enumerable.Empty<string>())),
        CommuneKindWords);

    private static string DistrictKey(OldCommune c) => AddressReader.DistrictKey(c);

    private static (string Name, string Kind) Split(string fullName, (string Word, string? Kind)[] kinds)
    {
        foreach (var (_, kind) in kinds)
            if (kind is not null && fullName.StartsWith(kind + " ", StringComparison.Ordinal)) return (fullName[(kind.Length + 1)..], kind);
        return (fullName, "");
    }

    /// <summary>Loads the embedded old-to-new mapping; new commune codes refer to <paramref name="units"/>.</summary>
    public static OldAddressConverter LoadEmbedded(AdministrativeUnits units)
    {
        using var doc = EmbeddedReferenceData.ReadJson(DataFile);
        var root = doc.RootElement;
        var version = root.GetProperty("h").GetProperty("dataSetVersion").GetString()!;
        if (version != units.Version)
            throw new InvalidDataException($"{DataFile} is for data set {version}, the administrative units are {units.Version}.");
        var communes = new List<OldCommune>();
        foreach (var province in root.GetProperty("p").EnumerateArray())
        {
            var provinceCode = province[0].GetString()!;
            var provinceName = province[1].GetString()!;
            foreach (var district in province[2].EnumerateArray())
            {
                var districtName = district[0].GetString()!;
                foreach (var row in district[1].EnumerateArray())
                {
                    var cells = row.GetString()!.Split('|');
                    var targets = cells[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (targets.Length == 0 || targets.Any(t => units.GetCommune(t) is null))
                        throw new InvalidDataException($"{DataFile}: {cells[1]} ({districtName}) maps to an unknown commune.");
                    communes.Add(new OldCommune(cells[0].Length == 0 ? null : cells[0], cells[1], districtName, provinceName, provinceCode, targets));
                }
            }
        }
        return new OldAddressConverter(units, version, communes);
    }

    /// <summary>The data-set version of the new commune codes (the same as <see cref="AdministrativeUnits.Version"/>).</summary>
    public string Version { get; }

    /// <summary>All old communes known to the mapping.</summary>
    public IReadOnlyList<OldCommune> Communes { get; }

    /// <summary>The old commune with this (old) code, or null.</summary>
    public OldCommune? GetOldCommune(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Recognises the old units in the text and returns the new commune candidates, best first.</summary>
    public OldAddressConversion Convert(string? oldAddress)
    {
        // Form 01's own notation ("01 - Thành phố Hà Nội x 272 - Huyện Phúc Thọ x 09763 - Xã Phúc Hòa x …") carries codes;
        // everything else is read as people write it.
        if (!IsFormNotation(oldAddress))
        {
            var reading = Reader.Read(oldAddress, oldOnly: true);
            return new OldAddressConversion(reading.Detail, reading.OldCommunes, reading.Candidates);
        }
        var parts = SplitParts(oldAddress ?? "");
        if (parts.Count == 0) return new OldAddressConversion(null, [], []);
        var used = new HashSet<int>();
        var matches = FromCode(parts, used) ?? FromNames(parts, used);
        var candidates = matches.SelectMany(m => m.NewCommuneCodes).Distinct().Select(code => _units.GetCommune(code)!).ToArray();
        var detail = string.Join(", ", parts.Where((_, i) => !used.Contains(i)).OrderBy(p => p.Position).Select(p => p.Text));
        return new OldAddressConversion(detail.Length == 0 ? null : detail, matches, candidates);
    }

    /// <summary>Form 01's own notation: units with their codes joined by " x " ("01 - Thành phố Hà Nội x 272 - …"), not "x Phúc Hòa" (xã).</summary>
    internal static bool IsFormNotation(string? text) =>
        text is not null && text.Contains(" x ", StringComparison.Ordinal) && CodePrefix.IsMatch(text);

    /// <summary>"Thôn 4 Thủ Trại, Xã Phúc Thọ, Thành phố Hà Nội": the two-level way of writing an address.</summary>
    public string Format(string? detail, Commune commune)
    {
        var province = _units.GetProvince(commune.ProvinceCode)!;
        return string.IsNullOrWhiteSpace(detail)
            ? $"{commune.FullName}, {province.FullName}"
            : $"{detail.Trim()}, {commune.FullName}, {province.FullName}";
    }

    /// <param name="Position">Place in the original text, to give the detail back in its order.</param>
    private sealed record Part(int Position, string Text, string? Code, string Name);

    /// <summary>Parts from the largest unit to the smallest: Form 01 style ("… x …") is already so, comma style is reversed.</summary>
    private static List<Part> SplitParts(string text)
    {
        var formStyle = text.Contains(" x ", StringComparison.Ordinal);
        var raw = (formStyle ? text.Split(" x ") : text.Split(',', ';')).Select(r => r.Trim()).Where(r => r.Length > 0).ToArray();
        var parts = raw.Select((r, i) => CodePrefix.Match(r) is { Success: true } m
            ? new Part(i, r, m.Groups[1].Value, m.Groups[2].Value.Trim())
            : new Part(i, r, null, r)).ToList();
        if (!formStyle) parts.Reverse();
        return parts;
    }

    private IReadOnlyList<OldCommune>? FromCode(List<Part> parts, HashSet<int> used)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Code is not { Length: 5 } code || !_byCode.TryGetValue(code, out var old)) continue;
            if (parts[i].Name.Length > 0 && !IsClose(CommuneIndex([old]).Rank(parts[i].Name))) continue; // a reused code
            used.Add(i);
            MarkUnits(parts, used, old);
            return [old];
        }
        return null;
    }

    private void MarkUnits(List<Part> parts, HashSet<int> used, OldCommune old)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            if (used.Contains(i)) continue;
            if (IsClose(_provinces.Rank(parts[i].Name).Where(r => r.Item == old.ProvinceCode))
                || IsClose(_districts[old.ProvinceCode].Rank(parts[i].Name).Where(r => r.Item == DistrictKey(old))))
                used.Add(i);
        }
    }

    private IReadOnlyList<OldCommune> FromNames(List<Part> parts, HashSet<int> used)
    {
        // Walk from the largest unit: province, then district, then commune; each one optional.
        var i = 0;
        string? province = null, district = null;
        if (Best(_provinces, parts[i].Name) is { } p) { province = p; used.Add(i++); }
        if (i < parts.Count && province is not null && Best(_districts[province], parts[i].Name) is { } d) { district = d; used.Add(i++); }
        for (; i < parts.Count; i++)
        {
            var index = district is not null ? _communesByDistrict[district]
                : province is not null ? _communesByProvince[province] : _allCommunes;
            var ranked = index.Rank(parts[i].Name).Where(r => r.Score < CloseEnough).ToArray();
            if (ranked.Length == 0) continue;
            used.Add(i);
            var best = ranked[0].Score;
            return ranked.Where(r => r.Score <= best + 0.05).Select(r => r.Item).ToArray();
        }
        return [];
    }

    private static string? Best(NameIndex<string> index, string text)
    {
        var ranked = index.Rank(text);
        return ranked.Count > 0 && ranked[0].Score < CloseEnough && (ranked.Count == 1 || ranked[1].Score > ranked[0].Score) ? ranked[0].Item : null;
    }

    private static bool IsClose<T>(IEnumerable<(T Item, double Score)> ranked) => ranked.Any(r => r.Score < CloseEnough);
}
