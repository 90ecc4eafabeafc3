using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.Zalo.Events;

/// <summary>A user (their id for this OA) or the OA.</summary>
public sealed record ZaloParticipant([property: JsonPropertyName("id")] string? Id);
