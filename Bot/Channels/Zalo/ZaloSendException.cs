namespace VssBot.Bot.Channels.Zalo;

/// <summary>The OA API refused or failed a message (HTTP status and Zalo error code only: no text).</summary>
public sealed class ZaloSendException(int status, int? errorCode)
    : Exception($"The Zalo OA API answered HTTP {status}, Zalo error {errorCode?.ToString() ?? "none"}.")
{
    public int Status { get; } = status;
    public int? ErrorCode { get; } = errorCode;
}
