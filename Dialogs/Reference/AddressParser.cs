namespace VssBot.Dialogs.Reference;

/// <summary>
/// What a whole address typed at once says: the province, the commune candidates (several when an old commune
/// was split or the text fits several equally), the detail line, and whether it was written in the three-level system
/// of before 1/7/2025.
/// </summary>
public sealed record ParsedAddress(Province Province, IReadOnlyList<Commune> Communes, string? Detail, bool WasOldAddress);

/// <summary>
/// Reads a whole address: the current two-level form ("12 Trần Duy Hưng, Phường Cầu Giấy, Hà Nội") or the old
/// three-level form ("p Bến Nghé q1 hcm", "Xã Phúc Hòa, Huyện Phúc Thọ, Hà Nội", Form 01's "01 - Thành phố Hà Nội x
/// 272 - …"), whichever places more of it (<see cref="AddressReader"/>), converted with <see cref="OldAddressConverter"/>.
/// A lone name is not a whole address.
/// </summary>
public sealed class AddressParser(AdministrativeUnits units, OldAddressConverter oldAddresses)
{
    public ParsedAddress? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (OldAddressConverter.IsFormNotation(text)) return FromOldAddress(text);
        var reading = oldAddresses.Reader.Read(text);
        return reading.Candidates.Count == 0 ? null : Parsed(reading.Candidates, reading.Detail, reading.WasOld);
    }

    private ParsedAddress? FromOldAddress(string text)
    {
        var conversion = oldAddresses.Convert(text);
        return conversion.Candidates.Count == 0 ? null : Parsed(conversion.Candidates, conversion.Detail, true);
    }

    /// <summary>The province of the best candidate, and the candidates in it.</summary>
    private ParsedAddress Parsed(IReadOnlyList<Commune> candidates, string? detail, bool old)
    {
        var province = units.GetProvince(candidates[0].ProvinceCode)!;
        return new ParsedAddress(province, candidates.Where(c => c.ProvinceCode == province.Code).ToList(), detail, old);
    }
}
