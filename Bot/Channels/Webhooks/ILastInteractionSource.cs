namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// The platform's own record of when a user last interacted (Zalo's quota API), asked by <see cref="ReplyWindow"/> when
/// its store has no row for the user. Null: unknown (the window then counts as closed).
/// </summary>
public interface ILastInteractionSource
{
    Task<DateTimeOffset?> LastInteractionAsync(string userId, CancellationToken cancellationToken);
}
