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
