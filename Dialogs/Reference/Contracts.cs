// Public shapes of the reference data (administrative units after 1/7/2025, social-insurance offices).
namespace VssBot.Dialogs.Reference;

/// <summary>A province-level unit (34 since 1/7/2025). Kind is "Thành phố" or "Tỉnh"; FullName e.g. "Thành phố Hà Nội".</summary>
public sealed record Province(string Code, string Name, string Kind)
{
    public string FullName => $"{Kind} {Name}";
}

/// <summary>A commune-level unit (phường, xã, đặc khu). Kind is "Phường", "Xã" or "Đặc khu"; FullName e.g. "Xã Phúc Thọ".</summary>
public sealed record Commune(string Code, string Name, string Kind, string ProvinceCode)
{
    public string FullName => $"{Kind} {Name}";
}

/// <summary>A social-insurance office that receives printed Form 01 declarations.</summary>
public sealed record Office(string Id, string Name, string? Address, string? Phone, string ProvinceCode, IReadOnlyList<string> CommuneCodes);

/// <summary>A province answer: one province (maybe named by its name of before 2025), several to choose from, none, or abroad.</summary>
/// <param name="FormerName">The former province's full name when the text named one that is now part of <paramref name="Province"/>.</param>
/// <param name="Choices">Provinces equally close to the text ("bắc": Bắc Ninh, Thái Nguyên, Cà Mau…), or the one read through a
/// typo; asked with buttons.</param>
/// <param name="ForeignCountry">The country when the text names a place abroad ("Tokyo" → "Nhật Bản").</param>
/// <param name="FormerDistrict">The district or city of before 2025 the text named instead of a province ("Thành phố Đà Lạt").</param>
public sealed record ProvinceReading(Province? Province, string? FormerName, IReadOnlyList<Province> Choices, string? ForeignCountry, string? FormerDistrict = null)
{
    public static readonly ProvinceReading None = new(null, null, [], null);
}
