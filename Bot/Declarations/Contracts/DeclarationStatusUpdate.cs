namespace VssBot.Bot.Declarations.Contracts;

/// <summary>Body of <c>POST /registry/v1/declarations/{id}/status</c>: received at the office, approved (account sent), or rejected with a reason.</summary>
public sealed record DeclarationStatusUpdate(string Status, string? Reason);
