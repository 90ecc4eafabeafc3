using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Bot.Channels;

/// <summary>
/// The base of our own channels' adapters (Direct Line, Messenger, Zalo, terminal): a turn owns its context until the
/// whole pipeline has finished. BotAdapter's own ContinueConversationAsync returns the pipeline's task from inside its
/// <c>using</c>, so a proactive turn that waits (at the conversation gate, behind the student's own turn) found its
/// context disposed (ObjectDisposedException in the first middleware that touched it); here it is awaited.
/// </summary>
public abstract class ChannelAdapter : BotAdapter
{
    /// <summary>Runs one turn of <paramref name="bot"/> for <paramref name="activity"/> through the middleware pipeline.</summary>
    public virtual async Task ProcessActivityAsync(Activity activity, BotCallbackHandler bot, CancellationToken cancellationToken)
    {
        using var turnContext = new TurnContext(this, activity);
        await RunPipelineAsync(turnContext, bot, cancellationToken);
    }

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
        => ProcessActivityAsync(reference.GetContinuationActivity(), callback, cancellationToken);

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name}: sent messages are not edited.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name}: sent messages are not deleted.");
}
