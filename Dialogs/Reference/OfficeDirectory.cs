using System.Collections.Frozen;
using System.Globalization;

namespace VssBot.Dialogs.Reference;

/// <summary>Social-insurance offices and the communes each serves; falls back to the province's office.</summary>
/// <remarks>Loaded from the embedded Reference/offices.tsv. Communes are written there by name and resolved to codes of
/// <see cref="AdministrativeUnits"/> at load time (fuzzy, so a missing diacritic in the source list still resolves);
/// a name that does not resolve to exactly one commune of its province fails the load. Immutable and thread-safe.</remarks>
public sealed class OfficeDirectory
{
    internal const string DataFile = "offices.tsv";
    /// <summary>Level of the one office of a province/city ("BHXH tỉnh/thành phố").</summary>
    public const string ProvincialLevel = "tinh";
    /// <summary>Level of a "BHXH cơ sở" office serving a listed set of communes.</summary>
    public const string LocalLevel = "co-so";

    private readonly FrozenDictionary<string, Office> _byId;
    private readonly FrozenDictionary<string, Office> _provincial;
    private readonly FrozenDictionary<string, Office[]> _byProvince;

    private OfficeDirectory(string source, DateOnly asOf, Office[] offices, IEnumerable<string> provincialIds)
    {
        Source = source;
        AsOf = asOf;
        Offices = offices;
        _byId = offices.ToFrozenDictionary(o => o.Id);
        _provincial = provincialIds.Select(id => _byId[id]).ToFrozenDictionary(o => o.ProvinceCode);
        _byProvince = offices.GroupBy(o => o.ProvinceCode).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Loads the embedded office list, resolving commune names against <paramref name="units"/>; a new instance each call.</summary>
    public static OfficeDirectory LoadEmbedded(AdministrativeUnits units) => Parse(EmbeddedReferenceData.ReadText(DataFile), units);

    internal static OfficeDirectory Parse(string tsv, AdministrativeUnits units)
    {
        var sourceLines = new List<string>();
        DateOnly? asOf = null;
        var offices = new List<Office>();
        var provincialIds = new List<string>();
        string[]? columns = null;
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var comment = line.TrimStart('#', ' ');
                if (comment.StartsWith("source", StringComparison.Ordinal)) sourceLines.Add(comment);
                else if (comment.StartsWith("date:", StringComparison.Ordinal))
                    asOf = DateOnly.ParseExact(comment["date:".Length..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                continue;
            }
            var cells = line.Split('\t');
            if (columns is null) { columns = cells; continue; }
            string? Cell(string name)
            {
                var i = Array.IndexOf(columns, name);
                if (i < 0) throw new InvalidDataException($"{DataFile}: column '{name}' is missing.");
                var value = i < cells.Length ? cells[i].Trim() : "";
                return value.Length == 0 ? null : value;
            }
            var id = Cell("id") ?? throw new InvalidDataException($"{DataFile}: a row has no id: {line}");
            var provinceCode = Cell("province") ?? "";
            if (units.GetProvince(provinceCode) is null) throw new InvalidDataException($"{DataFile}: {id}: unknown province '{provinceCode}'.");
            var communeCodes = (Cell("communes") ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => ResolveCommune(units, provinceCode, name, id))
                .ToArray();
            var level = Cell("level");
            if (level == ProvincialLevel) provincialIds.Add(id);
            else if (level != LocalLevel) throw new InvalidDataException($"{DataFile}: {id}: unknown level '{level}'.");
            offices.Add(new Office(id, Cell("name") ?? id, Cell("address"), Cell("phone"), provinceCode, communeCodes));
        }
        if (offices.Select(o => o.Id).Distinct().Count() != offices.Count) throw new InvalidDataException($"{DataFile}: duplicate ids.");
        var missing = units.Provinces.Where(p => provincialIds.Count(id => offices.First(o => o.Id == id).ProvinceCode == p.Code) != 1).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"{DataFile}: each province needs exactly one provincial office: {string.Join(", ", missing.Select(p => p.FullName))}.");
        var source = sourceLines.Count > 0 ? string.Join(" ", sourceLines) : throw new InvalidDataException($"{DataFile}: no '# source' line.");
        return new OfficeDirectory(source, asOf ?? throw new InvalidDataException($"{DataFile}: no '# date:' line."), offices.ToArray(), provincialIds);
    }

    private static string ResolveCommune(AdministrativeUnits units, string provinceCode, string name, string officeId)
    {
        var found = units.FindCommunes(provinceCode, name);
        return found.Count == 1
            ? found[0].Code
            : throw new InvalidDataException($"{DataFile}: {officeId}: commune '{name}' matches {found.Count} communes of province {provinceCode}.");
    }

    /// <summary>Where the lists come from (the "# source" lines of the data file).</summary>
    public string Source { get; }

    /// <summary>The date the lists are known to be valid for.</summary>
    public DateOnly AsOf { get; }

    /// <summary>All offices, in data-file order.</summary>
    public IReadOnlyList<Office> Offices { get; }

    /// <summary>Offices serving the commune first, then the province's office, then the province's other offices; never empty.</summary>
    /// <exception cref="ArgumentException">The province is not one of the data set's.</exception>
    public IReadOnlyList<Office> OfficesFor(Province province, Commune? commune)
    {
        ArgumentNullException.ThrowIfNull(province);
        var provincial = ProvincialOfficeFor(province.Code)
            ?? throw new ArgumentException($"No office for province '{province.Code}'.", nameof(province));
        var all = _byProvince[province.Code];
        var serving = commune is null ? [] : all.Where(o => o.CommuneCodes.Contains(commune.Code));
        return serving.Append(provincial).Concat(all).Distinct().ToArray();
    }

    /// <summary>The one office of the province ("BHXH tỉnh …"/"BHXH thành phố …"); null for an unknown code.</summary>
    public Office? ProvincialOfficeFor(string provinceCode) => _provincial.GetValueOrDefault(provinceCode);

    /// <summary>By stable id (a slug such as "bhxh-co-so-cau-giay").</summary>
    public Office? Get(string id) => _byId.GetValueOrDefault(id);
}
