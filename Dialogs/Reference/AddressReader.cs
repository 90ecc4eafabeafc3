using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Reference;

/// <summary>What an address typed in one message says, read by <see cref="AddressReader"/>.</summary>
/// <param name="Candidates">The current communes it can be, best first; one when certain, empty when no address was read.</param>
/// <param name="OldCommunes">The communes of before 1/7/2025 recognised, when it was written in the old three-level system.</param>
/// <param name="Detail">What precedes the units (house number, street, hamlet), as typed; null when nothing.</param>
/// <param name="WasOld">Written in the three-level system (a district named, or an old commune).</param>
/// <param name="ForeignCountry">The country when the address is abroad ("Tokyo, Nhật Bản" → "Nhật Bản"); then nothing else is set.</param>
/// <param name="Liberties">What the reading had to assume (a kind word differing, a typo: 1 each, …); 0 when every unit is exact.</param>
internal sealed record AddressReading(IReadOnlyList<Commune> Candidates, IReadOnlyList<OldCommune> OldCommunes, string? Detail, bool WasOld, string? ForeignCountry, double Liberties = 0)
{
    public static readonly AddressReading None = new([], [], null, false, null);
}

/// <summary>
/// Reads an address the way people write it: units from the largest at the end ("…, phường, quận, tỉnh"), with or without
/// separators (",", "-", "/", ";"), kind words optional or abbreviated ("p", "q1", "P6", "tp", "tx", "h", "x"), everyday
/// province names ("HN", "TPHCM", "BRVT", "Hà Tây"), a house number or street in front. Both the current two-level system
/// and the three-level one of before 1/7/2025 are tried; the reading that places the most units, with the fewest
/// liberties taken, wins, so the city named decides ("phường Lam Sơn, TP Thanh Hóa" is the Lam Sơn of that city).
/// Equally good readings give several candidates (asked with buttons, never picked silently).
/// </summary>
/// <remarks>
/// Exact (diacritic-insensitive) lookups in indexes built once; a typo is forgiven only in a unit set off by
/// separators or a kind word, within the province or district already read. Only the last units of a message are
/// looked at (an address ends with its province), so a reading costs the same for any message length beyond a tokenizer
/// pass.
/// </remarks>
internal sealed partial class AddressReader
{
    private enum Level { Commune, District, Province }

    private const int MaxUnitTokens = 7;          // kind word (≤ 2) + name (≤ 5 words)
    private const double KindDiffers = 0.5;       // "xã" written for a "thị trấn"
    private const double DiacriticsDiffer = 0.1;  // "Văn Lang" written, "Văn Lãng" found
    private const double Glued = 0.2;             // a unit not set off by a separator or a kind word
    private const double OtherMergedProvince = 0.3; // an old district named with the new province it went into
    private const double Tie = 0.05;

    private static readonly FrozenDictionary<string, Level[]> KindLevels = new Dictionary<string, Level[]>
    {
        ["Phường"] = [Level.Commune], ["Xã"] = [Level.Commune], ["Thị trấn"] = [Level.Commune], ["Đặc khu"] = [Level.Commune],
        ["Quận"] = [Level.District], ["Huyện"] = [Level.District], ["Thị xã"] = [Level.District],
        ["Thành phố"] = [Level.District, Level.Province], ["Tỉnh"] = [Level.Province],
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> TrailingParticles = FrozenSet.ToFrozenSet(["a", "nhe", "nha", "ak", "ah", "nhen", "oi"]);

    [GeneratedRegex(@"^([a-z]{1,2})(\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex GluedKindAndNumber();

    private readonly AddressWords _words;
    private readonly AdministrativeUnits _units;
    private readonly Lexicon<ProvinceRef> _provinces;
    private readonly Lexicon<DistrictRef> _districts;
    private readonly FrozenDictionary<string, Lexicon<OldCommune>> _oldCommunesByDistrict;
    private readonly FrozenDictionary<string, Lexicon<OldCommune>> _oldCommunesByProvince;
    private readonly Lexicon<OldCommune> _oldCommunes;
    private readonly FrozenDictionary<string, Lexicon<Commune>> _communesByProvince;
    private readonly Lexicon<Commune> _communes;
    private readonly FrozenDictionary<string, string[]> _oldProvincesOf; // new province code → old province codes merged into it
    private readonly Func<string, string> _newProvinceOfOld;

    /// <summary>A province as named: the current one, and the old one when the name is a province of before 2025.</summary>
    private sealed record ProvinceRef(string NewCode, string? OldCode, string FullName);

    private sealed record DistrictRef(string Key, string OldProvinceCode);

    public AddressReader(AdministrativeUnits units, IReadOnlyList<OldCommune> oldCommunes, Func<string, string> newProvinceOfOld, AddressWords words)
    {
        _words = words;
        _units = units;
        _newProvinceOfOld = newProvinceOfOld;
        var provinces = units.Provinces.Select(p => Name(new ProvinceRef(p.Code, null, p.FullName), p.Name, p.Kind, words.AliasesOf(p.Name)))
            .Concat(oldCommunes.DistinctBy(c => c.ProvinceCode).Select(c =>
            {
                var (name, kind) = SplitKind(c.ProvinceName);
                return Name(new ProvinceRef(newProvinceOfOld(c.ProvinceCode), c.ProvinceCode, c.ProvinceName), name, kind, words.AliasesOf(name));
            }));
        _provinces = new Lexicon<ProvinceRef>(provinces);
        _districts = new Lexicon<DistrictRef>(oldCommunes.DistinctBy(DistrictKey).Select(c =>
        {
            var (name, kind) = SplitKind(c.DistrictName);
            return Name(new DistrictRef(DistrictKey(c), c.ProvinceCode), name, kind, []);
        }));
        Named<OldCommune> OldNamed(OldCommune c) { var (name, kind) = SplitKind(c.Name); return Name(c, name, kind, []); }
        _oldCommunesByDistrict = oldCommunes.GroupBy(DistrictKey).ToFrozenDictionary(g => g.Key, g => new Lexicon<OldCommune>(g.Select(OldNamed)));
        _oldCommunesByProvince = oldCommunes.GroupBy(c => c.ProvinceCode).ToFrozenDictionary(g => g.Key, g => new Lexicon<OldCommune>(g.Select(OldNamed)));
        _oldCommunes = new Lexicon<OldCommune>(oldCommunes.Select(OldNamed));
        _communesByProvince = units.Communes.GroupBy(c => c.ProvinceCode)
            .ToFrozenDictionary(g => g.Key, g => new Lexicon<Commune>(g.Select(c => Name(c, c.Name, c.Kind, []))));
        _communes = new Lexicon<Commune>(units.Communes.Select(c => Name(c, c.Name, c.Kind, [])));
        _oldProvincesOf = oldCommunes.Select(c => c.ProvinceCode).Distinct().GroupBy(newProvinceOfOld)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    internal static string DistrictKey(OldCommune c) => c.ProvinceCode + "|" + c.DistrictName;

    private static readonly string[] OfficialKinds = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Quận", "Huyện", "Tỉnh", "Xã"];

    /// <summary>"Huyện Phúc Thọ" → ("Phúc Thọ", "Huyện").</summary>
    internal static (string Name, string Kind) SplitKind(string fullName)
    {
        foreach (var kind in OfficialKinds)
            if (fullName.StartsWith(kind + " ", StringComparison.Ordinal)) return (fullName[(kind.Length + 1)..], kind);
        return (fullName, "");
    }

    private static Named<T> Name<T>(T item, string name, string kind, IEnumerable<string> aliases) =>
        new(item, kind, ReferenceText.Lower(name), new[] { ReferenceText.Fold(name) }.Concat(aliases).Select(Key).Where(k => k.Length > 0).Distinct().ToArray());

    /// <summary>Lookup key: folded, without spaces ("Đắk Lắk", "dak lak", "daklak" are one key).</summary>
    private static string Key(string folded) => folded.Replace(" ", "", StringComparison.Ordinal);

    // ---------- reading a whole address ----------

    /// <summary>Reads a whole address (at least two units: a commune and its district or province).</summary>
    /// <param name="oldOnly">Only the three-level system of before 1/7/2025 (converting an old address).</param>
    public AddressReading Read(string? text, bool oldOnly = false)
    {
        var tokens = Tokenize(text ?? "");
        var end = TrimEnd(tokens);
        if (end == 0) return AddressReading.None;
        var best = new List<Reading>();
        foreach (var province in ProvinceOptions(tokens, end))
        {
            var provinceEnd = province?.Start ?? end;
            foreach (var district in DistrictOptions(tokens, provinceEnd, province))
            {
                var districtEnd = district?.Start ?? provinceEnd;
                foreach (var commune in OldCommuneOptions(tokens, districtEnd, province, district))
                    Keep(best, new Reading(Count(province, district) + 1, Sum(province, district) + commune.Penalty, true, commune.Start,
                        commune.Items.SelectMany(c => c.NewCommuneCodes).Distinct().Select(code => _units.GetCommune(code)!).ToList(), commune.Items));
            }
            if (oldOnly || province is null) continue;
            foreach (var commune in NewCommuneOptions(tokens, provinceEnd, province))
                Keep(best, new Reading(2, province.Penalty + commune.Penalty, false, commune.Start, commune.Items, []));
        }
        if (best.Count == 0)
            return ForeignCountry(tokens, end) is { } country ? AddressReading.None with { ForeignCountry = country } : AddressReading.None;
        var first = best[0];
        var candidates = best.SelectMany(r => r.Communes).Distinct().ToList();
        var olds = best.SelectMany(r => r.OldCommunes).Distinct().ToList();
        var from = LeadInLength(tokens, first.Start);
        var detail = first.Start <= from ? null : text![tokens[from].Start..tokens[first.Start - 1].End].Trim().TrimEnd(',', ';', '-', '/', '|', '.', ':').Trim();
        return new AddressReading(candidates, olds, string.IsNullOrEmpty(detail) ? null : detail, first.Old, null, first.Penalty);
    }

    private sealed record Reading(int Units, double Penalty, bool Old, int Start, IReadOnlyList<Commune> Communes, IReadOnlyList<OldCommune> OldCommunes);

    private sealed record Option<T>(int Start, double Penalty, IReadOnlyList<T> Items);

    private static int Count(params object?[] units) => units.Count(u => u is not null);

    private static double Sum(Option<ProvinceRef>? p, Option<DistrictRef>? d) => (p?.Penalty ?? 0) + (d?.Penalty ?? 0);

    /// <summary>More units placed wins; then fewer liberties; then the current system. Equally good readings are all kept.</summary>
    private static void Keep(List<Reading> best, Reading r)
    {
        if (r.Units < 2 || r.Communes.Count == 0) return;
        if (best.Count > 0)
        {
            var b = best[0];
            var cmp = r.Units != b.Units ? r.Units.CompareTo(b.Units)
                : Math.Abs(r.Penalty - b.Penalty) > Tie ? b.Penalty.CompareTo(r.Penalty)
                : r.Old != b.Old ? (r.Old ? -1 : 1) : 0;
            if (cmp < 0) return;
            if (cmp > 0) best.Clear();
        }
        best.Add(r);
    }

    private IEnumerable<Option<ProvinceRef>?> ProvinceOptions(Token[] tokens, int end)
    {
        yield return null;
        foreach (var option in Options(tokens, end, Level.Province, _provinces, fuzzy: true)) yield return option;
    }

    private IEnumerable<Option<DistrictRef>?> DistrictOptions(Token[] tokens, int end, Option<ProvinceRef>? province)
    {
        yield return null;
        var scope = OldProvinceScope(province);
        // A typo in a district is forgiven only inside the province named.
        foreach (var option in Options(tokens, end, Level.District, _districts, fuzzy: scope is not null))
        {
            if (scope is null) { yield return option; continue; }
            var items = option.Items.Where(d => scope.ContainsKey(d.OldProvinceCode)).ToList();
            if (items.Count > 0) yield return option with { Items = items, Penalty = option.Penalty + items.Min(d => scope[d.OldProvinceCode]) };
        }
    }

    /// <summary>The old provinces an address can be in, with the liberty taken: named directly (0), or merged into the province named.</summary>
    private Dictionary<string, double>? OldProvinceScope(Option<ProvinceRef>? province)
    {
        if (province is null) return null;
        var scope = new Dictionary<string, double>();
        foreach (var p in province.Items.Where(p => p.OldCode is not null)) scope[p.OldCode!] = 0;
        foreach (var p in province.Items.Where(p => p.OldCode is null))
            foreach (var old in _oldProvincesOf.GetValueOrDefault(p.NewCode, []))
                scope.TryAdd(old, OtherMergedProvince);
        return scope;
    }

    private IEnumerable<Option<OldCommune>> OldCommuneOptions(Token[] tokens, int end, Option<ProvinceRef>? province, Option<DistrictRef>? district)
    {
        if (district is not null)
        {
            foreach (var d in district.Items)
                foreach (var option in Options(tokens, end, Level.Commune, _oldCommunesByDistrict[d.Key], fuzzy: true))
                    yield return option;
            yield break;
        }
        var scope = OldProvinceScope(province);
        if (scope is null)
        {
            foreach (var option in Options(tokens, end, Level.Commune, _oldCommunes, fuzzy: false)) yield return option;
            yield break;
        }
        foreach (var (code, penalty) in scope)
            foreach (var option in Options(tokens, end, Level.Commune, _oldCommunesByProvince[code], fuzzy: penalty == 0))
                yield return option with { Penalty = option.Penalty + penalty };
    }

    private IEnumerable<Option<Commune>> NewCommuneOptions(Token[] tokens, int end, Option<ProvinceRef> province)
    {
        foreach (var code in province.Items.Select(p => p.NewCode).Distinct())
            if (_communesByProvince.TryGetValue(code, out var lexicon))
                foreach (var option in Options(tokens, end, Level.Commune, lexicon, fuzzy: true))
                    yield return option;
    }

    /// <summary>Every unit of this level that the tokens ending at <paramref name="end"/> name, each span once, best items only.</summary>
    private IEnumerable<Option<T>> Options<T>(Token[] tokens, int end, Level level, Lexicon<T> lexicon, bool fuzzy)
    {
        for (var start = end - 1; start >= Math.Max(0, end - MaxUnitTokens); start--)
        {
            var (kind, nameStart) = KindAt(tokens, start, end);
            // A kind word owns the name right after it in the same part: in "… huyện Nghi Lộc" the name is a district's,
            // never a commune's. ("Phúc Xá quận Ba Đình": "quận" opens its own unit, "xá" ends a name.)
            if (KindAt(tokens, start, end).Kind is null && !tokens[start].SegmentStart
                && KindBefore(tokens, start) is { } owner && !KindLevels[owner].Contains(level)) continue;
            if (kind is not null && !KindLevels[kind].Contains(level)) { kind = null; nameStart = start; }
            var glued = !tokens[start].SegmentStart && kind is null ? Glued : 0;
            var delimited = (tokens[start].SegmentStart || kind is not null) && (end == tokens.Length || tokens[end].SegmentStart);
            var found = new List<(T Item, double Penalty)>();
            // The span as a whole name ("tt hue", "quan hoa" are names), then without its kind word.
            found.AddRange(lexicon.Match(tokens, start, end, null, fuzzy && delimited));
            if (kind is not null && nameStart < end) found.AddRange(lexicon.Match(tokens, nameStart, end, kind, fuzzy && delimited));
            if (found.Count == 0) continue;
            var best = found.Min(f => f.Penalty);
            var items = found.Where(f => f.Penalty <= best + Tie).Select(f => f.Item).Distinct().ToList();
            yield return new Option<T>(start, best + glued, items);
        }
    }

    /// <summary>How many words at the start only introduce the address ("em ở", "địa chỉ:"), before <paramref name="end"/>.</summary>
    private int LeadInLength(Token[] tokens, int end)
    {
        var start = 0;
        for (var found = true; found;)
        {
            found = false;
            for (var length = Math.Min(_words.LongestLeadIn, end - start); length >= 1 && !found; length--)
            {
                if (!_words.LeadIns.Contains(string.Join(' ', tokens[start..(start + length)].Select(t => t.Folded)))) continue;
                start += length;
                found = true;
            }
        }
        return start;
    }

    /// <summary>
    /// Provinces named by the last words of a message ("dạ em ở Huế ạ"), exactly, as long a name as possible; none when
    /// the whole message is the name (the caller ranks that itself).
    /// </summary>
    public IReadOnlyList<(string NewCode, string? OldName)> ProvincesAtEnd(string? text)
    {
        var tokens = Tokenize(text ?? "");
        var end = TrimEnd(tokens);
        foreach (var option in Options(tokens, end, Level.Province, _provinces, fuzzy: false))
            if (option.Start > 0 && option.Penalty < KindDiffers)
                return option.Items.Select(p => (p.NewCode, p.OldCode is null ? null : p.FullName)).ToList();
        return [];
    }

    /// <summary>
    /// The former districts or cities of before 1/7/2025 an answer names exactly ("Đà Lạt", "em ở TP Vinh"), with the
    /// province each is part of now; empty when none.
    /// </summary>
    public IReadOnlyList<(string NewCode, string DistrictName)> DistrictsNamed(string? text)
    {
        var tokens = Tokenize(text ?? "");
        var end = TrimEnd(tokens);
        var longest = Options(tokens, end, Level.District, _districts, fuzzy: false).Where(o => o.Penalty < KindDiffers).MinBy(o => o.Start);
        return longest?.Items.Select(d => (_newProvinceOfOld(d.OldProvinceCode), d.Key[(d.Key.IndexOf('|') + 1)..])).Distinct().ToList() ?? [];
    }

    /// <summary>The kind word that ends right before <paramref name="start"/>, if any.</summary>
    private string? KindBefore(Token[] tokens, int start)
    {
        for (var length = Math.Min(_words.LongestUnitWord, start); length >= 1; length--)
            if (_words.UnitKinds.TryGetValue(string.Join(' ', tokens[(start - length)..start].Select(t => t.Folded)), out var kind)) return kind;
        return null;
    }

    /// <summary>A kind word opening the span ("p", "thi xa"), followed by at least one name word.</summary>
    private (string? Kind, int NameStart) KindAt(Token[] tokens, int start, int end)
    {
        for (var length = Math.Min(_words.LongestUnitWord, end - start - 1); length >= 1; length--)
        {
            var words = string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Folded));
            if (_words.UnitKinds.TryGetValue(words, out var kind)) return (kind, start + length);
        }
        return (null, start);
    }

    private string? ForeignCountry(Token[] tokens, int end)
    {
        // A whole part of the address ("…, Nhật Bản"), or the last words ("Shinjuku Tokyo").
        for (var start = 0; start < end; start++)
        {
            if (!tokens[start].SegmentStart && start < end - _words.LongestForeignName) continue;
            for (var stop = start + 1; stop <= Math.Min(end, start + _words.LongestForeignName); stop++)
            {
                var wholePart = tokens[start].SegmentStart && (stop == tokens.Length || tokens[stop].SegmentStart);
                if (!wholePart && stop != end) continue;
                if (_words.Foreign.TryGetValue(string.Join(' ', tokens[start..stop].Select(t => t.Folded)), out var country)) return country;
            }
        }
        return null;
    }

    // ---------- tokens ----------

    /// <param name="Folded">Lower case, no diacritics.</param>
    /// <param name="Lower">Lower case with diacritics.</param>
    /// <param name="SegmentStart">First word after a separator (",", ";", "-", "/", "|", a line break) or of the text.</param>
    /// <param name="End">Where the word ends in the text.</param>
    /// <param name="Start">Where the word starts in the text.</param>
    private readonly record struct Token(string Folded, string Lower, bool SegmentStart, int Start, int End);

    private static readonly char[] Separators = [',', ';', '-', '–', '/', '|', '\n', '\r'];

    /// <summary>Words and where the separators are; a kind word glued to a number is two words ("P6", "q1").</summary>
    private static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>();
        var segmentStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Array.IndexOf(Separators, c) >= 0) { segmentStart = true; i++; continue; }
            if (!char.IsLetterOrDigit(c)) { i++; continue; }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark)) i++;
            var word = text[start..i];
            var folded = ReferenceText.Fold(word);
            var lower = ReferenceText.Lower(word);
            if (GluedKindAndNumber().Match(folded) is { Success: true } m)
            {
                tokens.Add(new Token(m.Groups[1].Value, m.Groups[1].Value, segmentStart, start, start + m.Groups[1].Length));
                tokens.Add(new Token(m.Groups[2].Value, m.Groups[2].Value, false, start + m.Groups[1].Length, i));
            }
            else tokens.Add(new Token(folded, lower, segmentStart, start, i));
            segmentStart = false;
        }
        return tokens.ToArray();
    }

    /// <summary>The end of the address: polite particles and the name of Vietnam after the province are left out.</summary>
    private int TrimEnd(Token[] tokens)
    {
        var end = tokens.Length;
        while (end > 1)
        {
            if (TrailingParticles.Contains(tokens[end - 1].Folded)) { end--; continue; }
            var country = Enumerable.Range(1, 2).FirstOrDefault(n => n < end && _words.Country.Contains(string.Join(' ', tokens[(end - n)..end].Select(t => t.Folded))));
            if (country == 0) break;
            end -= country;
        }
        return end;
    }

    /// <summary>The country when the text names a place abroad and no Vietnamese address was read from it.</summary>
    public string? ForeignCountry(string? text)
    {
        var tokens = Tokenize(text ?? "");
        return ForeignCountry(tokens, TrimEnd(tokens));
    }

    // ---------- the indexes ----------

    private sealed record Named<T>(T Item, string Kind, string Lower, string[] Keys);

    /// <summary>Names of one level in one scope: exact keys in a dictionary; a typo checked against every key of the scope.</summary>
    private sealed class Lexicon<T>
    {
        private readonly FrozenDictionary<string, Named<T>[]> _byKey;

        public Lexicon(IEnumerable<Named<T>> items) =>
            _byKey = items.SelectMany(n => n.Keys.Select(k => (k, n))).GroupBy(x => x.k)
                .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.n).Distinct().ToArray());

        /// <summary>The items named by tokens[start..end): exact keys, else (when allowed) one to three typos by length.</summary>
        public IEnumerable<(T Item, double Penalty)> Match(Token[] tokens, int start, int end, string? typedKind, bool fuzzy)
        {
            var key = string.Concat(tokens[start..end].Select(t => t.Folded));
            var lower = string.Join(' ', tokens[start..end].Select(t => t.Lower));
            var typedDiacritics = tokens[start..end].Any(t => t.Lower != t.Folded);
            var numeric = key.All(char.IsAsciiDigit);
            if (numeric && typedKind is null) yield break; // "12" is a house number; "phường 12" is a unit
            if (_byKey.TryGetValue(key, out var exact))
            {
                foreach (var n in exact) yield return (n.Item, KindPenalty(n, typedKind) + (typedDiacritics && n.Lower != lower ? DiacriticsDiffer : 0));
                yield break;
            }
            if (!fuzzy || numeric || key.Length <= 3) yield break;
            var tolerance = key.Length <= 5 ? 1 : key.Length <= 9 ? 2 : 3;
            foreach (var (k, named) in _byKey)
            {
                if (Math.Abs(k.Length - key.Length) > tolerance) continue;
                var d = Language.EditDistance.Between(key, k, tolerance);
                if (d > tolerance) continue;
                foreach (var n in named) yield return (n.Item, d + KindPenalty(n, typedKind));
            }
        }

        private static double KindPenalty(Named<T> n, string? typedKind) =>
            typedKind is null || n.Kind.Length == 0 || typedKind == n.Kind ? 0 : KindDiffers;
    }
}
