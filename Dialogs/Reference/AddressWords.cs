using System.Collections.Frozen;
using System.Text;

namespace VssBot.Dialogs.Reference;

/// <summary>
/// How addresses are written (Reference/Data/address-words.vi.tsv): kind words and their abbreviations, everyday
/// province names, the name of Vietnam, places abroad. Read once; immutable.
/// </summary>
internal sealed class AddressWords
{
    internal const string DataFile = "address-words.vi.tsv";

    public static AddressWords Embedded { get; } = Load();

    /// <summary>Folded kind word ("p", "thi xa") → the official kind it stands for ("Phường", "Thị xã").</summary>
    public FrozenDictionary<string, string> UnitKinds { get; }

    /// <summary>The most words a kind word has ("thanh pho": 2).</summary>
    public int LongestUnitWord { get; }

    /// <summary>Official province name folded ("ha noi", "ba ria vung tau") → everyday names of it, folded.</summary>
    public FrozenDictionary<string, string[]> ProvinceAliases { get; }

    /// <summary>Folded words that only introduce an address ("em o", "dia chi").</summary>
    public FrozenSet<string> LeadIns { get; }

    /// <summary>The most words a lead-in has.</summary>
    public int LongestLeadIn { get; }

    /// <summary>Folded names of Vietnam ("viet nam", "vn").</summary>
    public FrozenSet<string> Country { get; }

    /// <summary>Folded names of places abroad → the country ("tokyo" → "Nhật Bản").</summary>
    public FrozenDictionary<string, string> Foreign { get; }

    /// <summary>The most words a name abroad has.</summary>
    public int LongestForeignName { get; }

    private AddressWords(IReadOnlyList<string[]> rows)
    {
        IEnumerable<string[]> Of(string kind) => rows.Where(r => r[0] == kind);
        UnitKinds = Of("unit").ToFrozenDictionary(r => ReferenceText.Fold(r[1]), r => r[2]);
        LongestUnitWord = UnitKinds.Keys.Max(k => k.Split(' ').Length);
        ProvinceAliases = Of("province").GroupBy(r => ReferenceText.Fold(r[2]))
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => ReferenceText.Fold(r[1])).Distinct().ToArray());
        LeadIns = Of("leadin").Select(r => ReferenceText.Fold(r[1])).ToFrozenSet();
        LongestLeadIn = LeadIns.Max(k => k.Split(' ').Length);
        Country = Of("country").Select(r => ReferenceText.Fold(r[1])).ToFrozenSet();
        Foreign = Of("foreign").ToFrozenDictionary(r => ReferenceText.Fold(r[1]), r => r[2]);
        LongestForeignName = Foreign.Keys.Max(k => k.Split(' ').Length);
    }

    /// <summary>Everyday names of a province, by its official name ("Thành phố Hà Nội" or "Hà Nội").</summary>
    public IEnumerable<string> AliasesOf(string name) => ProvinceAliases.GetValueOrDefault(ReferenceText.Fold(name), []);

    private static AddressWords Load()
    {
        var rows = new List<string[]>();
        var header = true;
        foreach (var line in EmbeddedReferenceData.ReadText(DataFile).Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            var cells = trimmed.Split('\t').Select(c => c.Trim().Normalize(NormalizationForm.FormC)).ToArray();
            if (cells.Length != 3) throw new InvalidDataException($"{DataFile}: '{trimmed}' needs 3 tab-separated cells.");
            rows.Add(cells);
        }
        return new AddressWords(rows);
    }
}
