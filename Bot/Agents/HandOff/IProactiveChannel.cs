using Microsoft.Bot.Schema;

namespace VssBot.Bot.Agents.HandOff;

/// <summary>
/// Sends a message to a student outside their own turn, on one kind of channel. Each channel adapter registers one
/// (Bot Framework: <see cref="CloudAdapterChannel"/>; Messenger and Zalo their own). Sending must not run the adapter's
/// turn pipeline: the agent's turn already holds the conversation's gate.
/// </summary>
public interface IProactiveChannel
{
    bool Serves(string channelId);

    Task SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken);
}
