using System.Text.Json.Serialization;
using VssBot.Bot.Channels.Zalo.Api;
using VssBot.Bot.Channels.Zalo.Events;

namespace VssBot.Bot.Channels.Zalo;

/// <summary>Generated JSON metadata for what Zalo sends and receives; numbers may arrive as strings; nulls are left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ZaloWebhookEvent))]
[JsonSerializable(typeof(ZaloSendRequest))]
[JsonSerializable(typeof(ZaloTemplateRequest))]
[JsonSerializable(typeof(ZaloApiResult))]
[JsonSerializable(typeof(ZaloQuotaRequest))]
[JsonSerializable(typeof(ZaloQuotaResult))]
[JsonSerializable(typeof(ZaloTokenResponse))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ZaloJsonContext : JsonSerializerContext;
