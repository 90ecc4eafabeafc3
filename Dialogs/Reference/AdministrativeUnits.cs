namespace VssBot.Dialogs.Reference;

// CONTRACT STUB: to be implemented.
/// <summary>The two-level administrative units in force since 1/7/2025, loaded from an embedded data file.</summary>
public sealed class AdministrativeUnits
{
    public static AdministrativeUnits LoadEmbedded() => throw new NotImplementedException();
    public string Version => throw new NotImplementedException();
    public string Source => throw new NotImplementedException();
    public IReadOnlyList<Province> Provinces => throw new NotImplementedException();
    public Province? GetProvince(string code) => throw new NotImplementedException();
    public Commune? GetCommune(string code) => throw new NotImplementedException();
    /// <summary>Fuzzy, diacritic-insensitive; "Tỉnh"/"Thành phố"/"tp" optional. Best first; one element when certain.</summary>
    public IReadOnlyList<Province> FindProvinces(string text) => throw new NotImplementedException();
    /// <summary>Fuzzy, diacritic-insensitive; "Phường"/"Xã" optional. Best first; one element when certain.</summary>
    public IReadOnlyList<Commune> FindCommunes(string provinceCode, string text) => throw new NotImplementedException();
}
