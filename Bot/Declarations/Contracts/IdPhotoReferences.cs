namespace VssBot.Bot.Declarations.Contracts;

/// <summary>References to the ID card photos the student sent (never the bytes); "inline" when the channel gave no link.</summary>
public sealed record IdPhotoReferences(string? Front, string? Back);
