using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Messenger.Events;
using VssBot.Bot.Channels.Messenger.Send;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>
/// Messenger ↔ Bot Framework, without I/O: a webhook messaging event becomes a message Activity (conversation
/// and from = the user's PSID, recipient = the page); a reply Activity becomes Send API requests.
/// </summary>
public static class MessengerMapper
{
    public const string ChannelId = "facebook";

    /// <summary>The Activity for one messaging event, or null for what the bot does not answer (echoes, deliveries, reads, stickers only…).</summary>
    public static Activity? ToActivity(MessengerMessaging messaging, string? pageId)
    {
        if (messaging.Sender?.Id is not { Length: > 0 } userId)
            return null;
        string? id, text;
        List<Attachment> attachments = [];
        if (messaging.Message is { IsEcho: false } message)
        {
            id = message.Mid;
            // A tapped quick reply carries our payload (the choice's value); its text is only the shown title.
            text = message.QuickReply?.Payload is { Length: > 0 } payload ? payload : message.Text;
            foreach (var attachment in (message.Attachments ?? []).OfType<MessengerAttachment>()) // a JSON null is no attachment
                if (attachment.Type == "image" && attachment.Payload?.Url is { Length: > 0 } url)
                    attachments.Add(new Attachment { ContentType = MessageText.ImageContentType(url), ContentUrl = url });
        }
        else if (messaging.Postback is { } postback)
        {
            id = postback.Mid;
            text = postback.Payload is { Length: > 0 } payload ? payload : postback.Title;
        }
        else
            return null;

        if (string.IsNullOrWhiteSpace(text) && attachments.Count == 0)
            return null;

        var botId = messaging.Recipient?.Id ?? pageId ?? "page";
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = id ?? $"{userId}-{messaging.Timestamp}",
            ChannelId = ChannelId,
            ServiceUrl = "https://www.facebook.com/",
            Conversation = new ConversationAccount(id: userId),
            From = new ChannelAccount(userId, role: RoleTypes.User),
            Recipient = new ChannelAccount(botId, role: RoleTypes.Bot),
            Text = text,
            Attachments = attachments,
            Locale = "vi-VN",
            Timestamp = WebhookAge.FromUnixMilliseconds(messaging.Timestamp),
        };
    }

    /// <summary>
    /// The Send API calls for one reply: typing → <c>typing_on</c>; a message → its text in parts of fewer than 2,000
    /// characters (<c>messaging_type</c> RESPONSE, or UPDATE when <paramref name="proactive"/>), the suggested actions as quick replies on the last part (at most 13, titles of at most 20
    /// characters; otherwise written into the text as a numbered list). Other activity types send nothing.
    /// </summary>
    public static IReadOnlyList<MessengerSendRequest> ToSendRequests(Activity activity, string userId, bool proactive = false)
    {
        var recipient = new MessengerRecipient(userId);
        if (activity.Type == ActivityTypes.Typing)
            return [new MessengerSendRequest(recipient, SenderAction: MessengerSendRequest.TypingOn)];
        if (activity.Type != ActivityTypes.Message)
            return [];

        var actions = activity.SuggestedActions?.Actions ?? [];
        var asQuickReplies = actions.Count is > 0 and <= MessengerOutgoingQuickReply.MaxCount
            && actions.All(a => MessageText.TitleOf(a).Length is > 0 and <= MessengerOutgoingQuickReply.MaxTitleLength);
        var text = actions.Count > 0 && !asQuickReplies ? MessageText.WithNumberedChoices(activity.Text, actions.ToList()) : activity.Text ?? "";
        var texts = MessageText.Split(text, MessengerOutgoingMessage.MaxTextLength).ToList();
        if (texts.Count == 0 && asQuickReplies)
            texts.Add("…"); // quick replies need a non-empty text

        var requests = new List<MessengerSendRequest>();
        for (var i = 0; i < texts.Count; i++)
        {
            var quickReplies = asQuickReplies && i == texts.Count - 1
                ? actions.Select(a => new MessengerOutgoingQuickReply(MessageText.TitleOf(a), MessageText.ValueOf(a))).ToList()
                : null;
            requests.Add(new MessengerSendRequest(recipient, proactive ? MessengerSendRequest.Update : MessengerSendRequest.Response, new MessengerOutgoingMessage(texts[i], quickReplies)));
        }
        // Images the bot sends (none today) would be attachment messages; text-only for now.
        return requests;
    }
}
