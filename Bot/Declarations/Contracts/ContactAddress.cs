namespace VssBot.Bot.Declarations.Contracts;

/// <summary>
/// "Địa chỉ liên hệ" on the two-level map (since 1/7/2025). Commune codes were reused after the merger:
/// <see cref="DataSetVersion"/> says which administrative-unit list the codes come from.
/// </summary>
public sealed record ContactAddress(
    string ProvinceCode,
    string ProvinceName,
    string CommuneCode,
    string CommuneName,
    string Detail,
    string DataSetVersion);
