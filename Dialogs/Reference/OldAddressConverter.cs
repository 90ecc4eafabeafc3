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
                // The short forms students write ("HN", "hcm", "sg") of the provinces whose code did not change.
                (IEnumerable<string>)AdministrativeUnits.ProvinceAliases.GetValueOrDefault(c.ProvinceCode, []))),
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
    }

    /// <summary>
    /// A province name of before 1/7/2025 ("Nam Định", "Bình Dương") and the province it is part of now;
    /// null when the text names no former province. Names that are still provinces also match (to themselves).
    /// </summary>
    public (string OldName, Province Province)? FindFormerProvince(string? text)
    {
        var found = _provinces.Find(text);
        if (found.Count != 1) return null;
        var (oldName, newCode) = _formerProvinces[found[0]];
        return (oldName, _units.GetProvince(newCode)!);
    }

    /// <summary>
    /// A province merged away on 1/7/2025 that the text names more closely than any current province ("Quảng Nam" is the
    /// former province, not a typo for today's "Quảng Ngãi"); null when the text names a current province at least as well.
    /// Ask this before <see cref="AdministrativeUnits.FindProvinces"/>.
    /// </summary>
    public (string OldName, Province Province)? FindMergedProvince(string? text)
    {
        var former = _provinces.Rank(text);
        if (former.Count == 0 || former[0].Score >= 0.5 || former.Count > 1 && former[1].Score <= former[0].Score) return null;
        var (oldName, newCode) = _formerProvinces[former[0].Item];
        var current = _units.RankProvinces(text);
        return current.Count > 0 && current[0].Score <= former[0].Score ? null : (oldName, _units.GetProvince(newCode)!);
    }

    private static NameIndex<OldCommune> CommuneIndex(IEnumerable<OldCommune> communes) => new(
        communes.Select(c => (c, Split(c.Name, CommuneKindWords).Name, Split(c.Name, CommuneKindWords).Kind, Enumerable.Empty<string>())),
        CommuneKindWords);

    private static string DistrictKey(OldCommune c) => c.ProvinceCode + "|" + c.DistrictName;

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
        var parts = SplitParts(oldAddress ?? "");
        if (parts.Count == 0) return new OldAddressConversion(null, [], []);
        var used = new HashSet<int>();
        var matches = FromCode(parts, used) ?? FromNames(parts, used);
        var candidates = matches.SelectMany(m => m.NewCommuneCodes).Distinct().Select(code => _units.GetCommune(code)!).ToArray();
        var detail = string.Join(", ", parts.Where((_, i) => !used.Contains(i)).OrderBy(p => p.Position).Select(p => p.Text));
        return new OldAddressConversion(detail.Length == 0 ? null : detail, matches, candidates);
    }

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
        if (raw.Length == 1) raw = SplitAtKindWords(raw[0]);
        var parts = raw.Select((r, i) => CodePrefix.Match(r) is { Success: true } m
            ? new Part(i, r, m.Groups[1].Value, m.Groups[2].Value.Trim())
            : new Part(i, r, null, r)).ToList();
        if (!formStyle) parts.Reverse();
        return parts;
    }

    /// <summary>Kind words that open a unit in an address typed without commas ("xã võng xuyên huyện phúc thọ hà nội").</summary>
    private static readonly string[][] UnitOpeners =
        [["thi", "tran"], ["thi", "xa"], ["thanh", "pho"], ["phuong"], ["xa"], ["huyen"], ["quan"], ["tinh"], ["tp"]];

    /// <summary>
    /// Splits a comma-free address before each kind word. A kind word inside a name ("Phường Phúc Xá") does not split:
    /// a unit's name has at least two words, or is a number ("phường 15 quận 10").
    /// </summary>
    private static string[] SplitAtKindWords(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = tokens.Select(t => ReferenceText.Fold(t)).ToArray();
        var parts = new List<List<string>> { new() };
        var nameWords = 0; // words of the current part after its kind word
        for (var i = 0; i < tokens.Length; i++)
        {
            var opener = UnitOpeners.FirstOrDefault(o => i + o.Length <= tokens.Length && o.SequenceEqual(folded.Skip(i).Take(o.Length)));
            var current = parts[^1];
            var nameComplete = current.Count == 0 || nameWords >= 2 || nameWords == 1 && current[^1].All(char.IsAsciiDigit);
            if (opener is not null && nameComplete)
            {
                if (current.Count > 0) parts.Add([]);
                parts[^1].AddRange(tokens.Skip(i).Take(opener.Length));
                nameWords = 0;
                i += opener.Length - 1;
                continue;
            }
            parts[^1].Add(tokens[i]);
            nameWords++;
        }
        return parts.Select(p => string.Join(' ', p)).ToArray();
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
