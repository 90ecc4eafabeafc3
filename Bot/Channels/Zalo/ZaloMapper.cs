using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo.Api;
using VssBot.Bot.Channels.Zalo.Events;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>
/// Zalo ↔ Bot Framework, without I/O: a webhook event becomes an Activity (conversation and from = the user's id
/// for this OA, recipient = the OA); a reply Activity becomes customer-service message requests.
/// </summary>
public static class ZaloMapper
{
    public const string ChannelId = "zalo";

    /// <summary>The user the event is about: the sender of a message, the follower of a (un)follow.</summary>
    public static string? UserOf(ZaloWebhookEvent e) => e.EventName is ZaloWebhookEvent.Follow or ZaloWebhookEvent.Unfollow ? e.Follower?.Id : e.Sender?.Id;

    /// <summary>
    /// user_send_text → message; user_send_image → message with image attachments (and the caption as text);
    /// follow → conversationUpdate with the user added (the bot greets); unfollow → the user removed.
    /// Other events → null.
    /// </summary>
    public static Activity? ToActivity(ZaloWebhookEvent e)
    {
        if (UserOf(e) is not { Length: > 0 } userId)
            return null;
        var user = new ChannelAccount(userId, role: RoleTypes.User);
        var oaId = e.EventName is ZaloWebhookEvent.Follow or ZaloWebhookEvent.Unfollow ? e.OaId : e.Recipient?.Id;
        var activity = new Activity
        {
            Id = e.Message?.MsgId is { Length: > 0 } msgId ? msgId : $"{e.EventName}-{userId}-{e.Timestamp}",
            ChannelId = ChannelId,
            ServiceUrl = "https://oa.zalo.me/",
            Conversation = new ConversationAccount(id: userId),
            From = user,
            Recipient = new ChannelAccount(oaId ?? "oa", role: RoleTypes.Bot),
            Locale = "vi-VN",
            Timestamp = long.TryParse(e.Timestamp, out var ms) ? WebhookAge.FromUnixMilliseconds(ms) : null,
        };

        switch (e.EventName)
        {
            case ZaloWebhookEvent.UserSendText when !string.IsNullOrWhiteSpace(e.Message?.Text):
                activity.Type = ActivityTypes.Message;
                activity.Text = e.Message.Text;
                return activity;
            case ZaloWebhookEvent.UserSendImage:
                var images = (e.Message?.Attachments ?? []).OfType<ZaloAttachment>() // a JSON null is no attachment
                    .Where(a => a.Type == "image" && !string.IsNullOrEmpty(a.Payload?.Url))
                    .Select(a => new Attachment { ContentType = MessageText.ImageContentType(a.Payload!.Url!), ContentUrl = a.Payload!.Url, ThumbnailUrl = a.Payload.Thumbnail })
                    .ToList();
                if (images.Count == 0)
                    return null;
                activity.Type = ActivityTypes.Message;
                activity.Text = string.IsNullOrWhiteSpace(e.Message?.Text) ? null : e.Message.Text;
                activity.Attachments = images;
                return activity;
            case ZaloWebhookEvent.Follow:
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersAdded = [user];
                return activity;
            case ZaloWebhookEvent.Unfollow:
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersRemoved = [user];
                return activity;
            default:
                return null;
        }
    }

    /// <summary>
    /// The customer-service messages for one reply: its text in parts of at most 2,000 characters; suggested
    /// actions as oa.query.show buttons on the last part (at most 5, titles of at most 100 characters), otherwise
    /// written into the text as a numbered list. Other activity types (typing included: the OA API has none) send nothing.
    /// </summary>
    public static IReadOnlyList<ZaloSendRequest> ToSendRequests(Activity activity, string userId)
    {
        if (activity.Type != ActivityTypes.Message)
            return [];
        var actions = activity.SuggestedActions?.Actions ?? [];
        var asButtons = actions.Count is > 0 and <= ZaloButton.MaxCount
            && actions.All(a => MessageText.TitleOf(a).Length is > 0 and <= ZaloButton.MaxTitleLength);
        var text = actions.Count > 0 && !asButtons ? MessageText.WithNumberedChoices(activity.Text, actions.ToList()) : activity.Text ?? "";
        var texts = MessageText.Split(text, ZaloSendRequest.MaxTextLength).ToList();
        if (texts.Count == 0 && asButtons)
            texts.Add("…");

        var recipient = new ZaloRecipient(userId);
        return texts.Select((part, i) => new ZaloSendRequest(recipient, new ZaloOutgoingMessage(part,
                asButtons && i == texts.Count - 1
                    ? new ZaloOutgoingAttachment("template", new ZaloTemplatePayload(actions.Select(a => new ZaloButton(MessageText.TitleOf(a), MessageText.ValueOf(a))).ToList()))
                    : null)))
            .ToList();
    }

    /// <summary>A text with buttons Zalo refused, as plain text: the buttons' titles written as a numbered list.</summary>
    public static IReadOnlyList<ZaloSendRequest> AsNumberedText(ZaloSendRequest request)
    {
        var buttons = request.Message.Attachment?.Payload.Buttons ?? [];
        var actions = buttons.Select(b => new CardAction(ActionTypes.ImBack, b.Title, value: b.Payload)).ToList();
        var text = request.Message.Text == "…" ? null : request.Message.Text;
        return MessageText.Split(MessageText.WithNumberedChoices(text, actions), ZaloSendRequest.MaxTextLength)
            .Select(part => new ZaloSendRequest(request.Recipient, new ZaloOutgoingMessage(part)))
            .ToList();
    }
}
