using System.Text.Json.Serialization;
using VssBot.Bot.Channels.Messenger.Events;
using VssBot.Bot.Channels.Messenger.Send;

namespace VssBot.Bot.Channels.Messenger;

/// <summary>Generated JSON metadata for what Messenger sends and receives (Refit's generated client requires it); nulls are left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessengerWebhookEvent))]
[JsonSerializable(typeof(MessengerSendRequest))]
[JsonSerializable(typeof(MessengerSendResponse))]
public sealed partial class MessengerJsonContext : JsonSerializerContext;
