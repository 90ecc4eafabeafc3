namespace VssBot.Bot.Declarations.Contracts;

/// <summary>"Cơ quan BHXH tiếp nhận": where the student brings the printed, signed form.</summary>
public sealed record ReceivingOffice(string Id, string Name, string? Address, string? Phone);
