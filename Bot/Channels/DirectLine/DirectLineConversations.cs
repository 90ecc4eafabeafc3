using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// Starting conversations and accepting the student's activities: each accepted activity is written to the log
/// as the client will see it (its echo carries the client's channelData, which Web Chat matches), then the bot's
/// turn runs. The sender is always the user bound to the token, whatever the client claims, so nobody can act
/// as another student (user state is keyed by that id).
/// </summary>
public sealed class DirectLineConversations(
    DirectLineAdapter adapter, ConversationLog log, IBot bot, TimeProvider clock, IHostApplicationLifetime lifetime)
{
    /// <summary>Creates the conversation and greets the user; false when it had been started already.</summary>
    public async Task<bool> StartAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (!await log.CreateAsync(conversationId, userId, cancellationToken))
            return false;
        var user = new ChannelAccount(userId, role: RoleTypes.User);
        var update = NewActivity(ActivityTypes.ConversationUpdate, conversationId, user);
        update.MembersAdded = [DirectLineAdapter.BotAccount, user];
        await RunTurnAsync(update);
        return true;
    }

    /// <summary>Accepts an activity from the client; returns its id (null for typing, which is not kept).</summary>
    public async Task<string?> PostAsync(ConversationGrant grant, Activity posted, IList<Attachment> uploaded, CancellationToken cancellationToken)
    {
        if (posted.Type == ActivityTypes.Typing)
            return null;
        var activity = NewActivity(posted.Type ?? ActivityTypes.Message, grant.ConversationId, new ChannelAccount(grant.UserId, posted.From?.Name, RoleTypes.User));
        activity.Text = Bounded(posted.Text);
        activity.TextFormat = posted.TextFormat;
        activity.Locale = posted.Locale ?? activity.Locale;
        activity.LocalTimestamp = posted.LocalTimestamp;
        activity.Name = posted.Name;
        activity.Value = posted.Value;
        activity.ChannelData = posted.ChannelData is JObject channelData ? channelData : null;
        activity.Attachments = [.. uploaded, .. (posted.Attachments ?? []).OfType<Attachment>().Where(IsWebLink)];
        await log.AppendAsync(activity, cancellationToken);
        await RunTurnAsync(activity);
        return activity.Id;
    }

    /// <summary>Only message and event activities come from clients (any text length: <see cref="Bounded"/>).</summary>
    public static bool IsAcceptable(Activity posted) =>
        posted.Type is ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing
        && (posted.Attachments?.Count ?? 0) <= 10;

    /// <summary>
    /// A text longer than any answer is kept only up to the limit and an ellipsis: the turn still finds it too long and
    /// answers politely (<see cref="Turns.MessageLengthLimit"/>), and the log never holds more than that.
    /// </summary>
    private static string? Bounded(string? text) =>
        text is { Length: > Turns.MessageLengthLimit.MaxCharacters } ? string.Concat(text.AsSpan(0, Turns.MessageLengthLimit.MaxCharacters), "…") : text;

    /// <summary>The turn belongs to the conversation, not to the HTTP request: a closed tab does not cut it short.</summary>
    private Task RunTurnAsync(Activity activity) =>
        adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, lifetime.ApplicationStopping);

    private static bool IsWebLink(Attachment attachment) =>
        Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private Activity NewActivity(string type, string conversationId, ChannelAccount from) => new()
    {
        Type = type,
        ChannelId = DirectLineAdapter.ChannelId,
        ServiceUrl = DirectLineAdapter.ServiceUrl,
        Conversation = new ConversationAccount(id: conversationId),
        From = from,
        Recipient = DirectLineAdapter.BotAccount,
        Locale = "vi-VN",
        Timestamp = clock.GetUtcNow(),
    };
}
