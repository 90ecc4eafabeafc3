using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Reference;

/// <summary>
/// What a whole address typed at once says: the province, the commune candidates (several when an old commune
/// was split), the detail line, and whether it was written in the three-level system of before 1/7/2025.
/// </summary>
public sealed record ParsedAddress(Province Province, IReadOnlyList<Commune> Communes, string? Detail, bool WasOldAddress);

/// <summary>
/// Reads a whole address: the current two-level form ("12 Trần Duy Hưng, Phường Cầu Giấy, Hà Nội") first, then the
/// old three-level form ("Xã Phúc Hòa, Huyện Phúc Thọ, Hà Nội", or Form 01's "01 - Thành phố Hà Nội x 272 - …"),
/// converted with <see cref="OldAddressConverter"/>. A lone province name is not a whole address.
/// </summary>
public sealed partial class AddressParser(AdministrativeUnits units, OldAddressConverter oldAddresses)
{
    [GeneratedRegex(@"^\s*(xã|xa|phường|phuong|thị trấn|thi tran|huyện|huyen|quận|quan|thị xã|thi xa|p\.|x\.|q\.|h\.|tt\.?)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitWord();

    [GeneratedRegex(@"^\s*(huyện|huyen|quận|quan|thị xã|thi xa|q\.|h\.)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistrictWord();

    [GeneratedRegex(@"^\s*\d{2,5}\s*-\s*")]
    private static partial Regex CodePrefix();

    public ParsedAddress? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var formStyle = text.Contains(" x ", StringComparison.Ordinal);
        var parts = (formStyle ? text.Split(" x ") : text.Split(',', ';'))
            .Select(p => CodePrefix().Replace(p, "").Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2) return null;
        if (formStyle || parts.Any(p => DistrictWord().IsMatch(p))) return FromOldAddress(text);
        return FromCurrentAddress(parts) ?? FromOldAddress(text);
    }

    /// <summary>"detail…, commune, province": the last two parts are units, no other part is one.</summary>
    private ParsedAddress? FromCurrentAddress(List<string> parts)
    {
        var provinceText = parts[^1];
        var province = oldAddresses.FindMergedProvince(provinceText)?.Province
            ?? (units.FindProvinces(provinceText) is [var p] ? p : oldAddresses.FindFormerProvince(provinceText)?.Province);
        if (province is null) return null;
        if (units.FindCommunes(province.Code, parts[^2]) is not [var commune]) return null;
        var detailParts = parts[..^2];
        if (detailParts.Any(d => UnitWord().IsMatch(d))) return null; // "Xã Phúc Hòa, Phúc Thọ, Hà Nội" is an old address
        return new ParsedAddress(province, [commune], detailParts.Count == 0 ? null : string.Join(", ", detailParts), false);
    }

    private ParsedAddress? FromOldAddress(string text)
    {
        var conversion = oldAddresses.Convert(text);
        if (conversion.Candidates.Count == 0) return null;
        var province = units.GetProvince(conversion.Candidates[0].ProvinceCode)!;
        var sameProvince = conversion.Candidates.Where(c => c.ProvinceCode == province.Code).ToList();
        return new ParsedAddress(province, sameProvince, conversion.Detail, true);
    }
}
