using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Messenger.Send;

/// <summary>
/// A Send API call: a message (<c>messaging_type</c> RESPONSE: an answer to the user's message; UPDATE: the page
/// speaks first, e.g. a reminder — both only within the 24-hour window) or a sender action such as <c>typing_on</c>
/// (sent without message or messaging type).
/// </summary>
public sealed record MessengerSendRequest(
    [property: JsonPropertyName("recipient")] MessengerRecipient Recipient,
    [property: JsonPropertyName("messaging_type")] string? MessagingType = null,
    [property: JsonPropertyName("message")] MessengerOutgoingMessage? Message = null,
    [property: JsonPropertyName("sender_action")] string? SenderAction = null)
{
    public const string Response = "RESPONSE";
    public const string Update = "UPDATE";
    /// <summary>A utility message from an approved template (outside the window too; see PROTOCOL.md).</summary>
    public const string Utility = "UTILITY";
    public const string TypingOn = "typing_on";
}

public sealed record MessengerRecipient([property: JsonPropertyName("id")] string Id);

/// <summary>Text (at most <see cref="MaxTextLength"/> characters: the Send API wants "less than 2000") with optional quick replies.</summary>
public sealed record MessengerOutgoingMessage(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("quick_replies")] IReadOnlyList<MessengerOutgoingQuickReply>? QuickReplies = null,
    [property: JsonPropertyName("template")] MessengerUtilityTemplate? Template = null)
{
    public const int MaxTextLength = 1999;
}

/// <summary>A text quick reply: at most 13 per message, titles over 20 characters are truncated by Messenger.</summary>
public sealed record MessengerOutgoingQuickReply(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("content_type")] string ContentType = "text")
{
    public const int MaxCount = 13;
    public const int MaxTitleLength = 20;
}

/// <summary>An approved utility message template: its name, language and body parameters in order.</summary>
public sealed record MessengerUtilityTemplate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("language")] MessengerTemplateLanguage Language,
    [property: JsonPropertyName("components")] IReadOnlyList<MessengerTemplateComponent> Components);

public sealed record MessengerTemplateLanguage([property: JsonPropertyName("code")] string Code);

public sealed record MessengerTemplateComponent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("parameters")] IReadOnlyList<MessengerTemplateParameter> Parameters);

public sealed record MessengerTemplateParameter(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("type")] string Type = "text");
