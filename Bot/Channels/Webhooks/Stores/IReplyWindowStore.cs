namespace VssBot.Bot.Channels.Webhooks.Stores;

/// <summary>
/// When each platform user last wrote to the page/OA, kept durably so the reply windows survive a restart and are shared
/// by replicas on PostgreSQL. Keys are the platform's user ids (pseudonymous per page/OA), never message text.
/// </summary>
public interface IReplyWindowStore
{
    /// <summary>Records that <paramref name="userId"/> wrote at <paramref name="at"/>; an earlier time never replaces a later one.</summary>
    Task RecordAsync(string channelId, string userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When <paramref name="userId"/> last wrote, if known.</summary>
    Task<DateTimeOffset?> LastWroteAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Every user of <paramref name="channelId"/> who wrote since <paramref name="since"/> (read back at start).</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> WroteSinceAsync(string channelId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The platform said the window is closed: forget the user's last message time.</summary>
    Task ForgetAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>Retention: forgets users who last wrote before <paramref name="cutoff"/> (long outside any window); returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
