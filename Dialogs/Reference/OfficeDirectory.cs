namespace VssBot.Dialogs.Reference;

// CONTRACT STUB: to be implemented.
/// <summary>Social-insurance offices and the communes each serves; falls back to the province's office.</summary>
public sealed class OfficeDirectory
{
    public static OfficeDirectory LoadEmbedded(AdministrativeUnits units) => throw new NotImplementedException();
    public string Source => throw new NotImplementedException();
    /// <summary>Offices serving the commune first, then the province's other offices; never empty.</summary>
    public IReadOnlyList<Office> OfficesFor(Province province, Commune? commune) => throw new NotImplementedException();
    public Office? Get(string id) => throw new NotImplementedException();
}
