using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Api;

/// <summary>A customer-service message to one user: text (at most <see cref="MaxTextLength"/> characters), optionally with buttons.</summary>
public sealed record ZaloSendRequest(
    [property: JsonPropertyName("recipient")] ZaloRecipient Recipient,
    [property: JsonPropertyName("message")] ZaloOutgoingMessage Message)
{
    public const int MaxTextLength = 2000;
}

public sealed record ZaloRecipient([property: JsonPropertyName("user_id")] string UserId);

public sealed record ZaloOutgoingMessage(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("attachment")] ZaloOutgoingAttachment? Attachment = null);

/// <summary><c>{"type":"template","payload":{"buttons":[…]}}</c>: buttons under the text.</summary>
public sealed record ZaloOutgoingAttachment(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("payload")] ZaloTemplatePayload Payload);

public sealed record ZaloTemplatePayload([property: JsonPropertyName("buttons")] IReadOnlyList<ZaloButton> Buttons);

/// <summary>
/// A button; <c>oa.query.show</c> makes Zalo send <see cref="Payload"/> back as the user's visible message
/// (a user_send_text event), which is how the bot receives the choice.
/// </summary>
public sealed record ZaloButton(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("type")] string Type = ZaloButton.QueryShow)
{
    public const string QueryShow = "oa.query.show";
    public const int MaxCount = 5;
    public const int MaxTitleLength = 100;
}

/// <summary>
/// A ZBS template message by UID (<c>POST /v3.0/oa/message/template</c>): the approved template's id and its parameters,
/// to one user of the OA named by a top-level <c>user_id</c> (no <c>tracking_id</c> on this channel; see PROTOCOL.md).
/// </summary>
public sealed record ZaloTemplateRequest(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("template_data")] IReadOnlyDictionary<string, string> TemplateData);
