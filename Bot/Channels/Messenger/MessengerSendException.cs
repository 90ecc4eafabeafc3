namespace VssBot.Bot.Channels.Messenger;

/// <summary>The Send API refused or failed a call after its retries (status and Graph error code only: no text).</summary>
public sealed class MessengerSendException(int status, int? errorCode)
    : Exception($"The Messenger Send API answered {status} (Graph error code {errorCode?.ToString() ?? "none"}).")
{
    public int Status { get; } = status;
    public int? ErrorCode { get; } = errorCode;
}
