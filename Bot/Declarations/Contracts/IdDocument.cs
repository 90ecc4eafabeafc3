namespace VssBot.Bot.Declarations.Contracts;

/// <summary>"Số CMND/HC/CC": <see cref="Type"/> is "personalId" (12-digit CCCD/căn cước) or "passport".</summary>
public sealed record IdDocument(string Type, string Number);
