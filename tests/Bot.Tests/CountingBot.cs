using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Bot.Tests;

/// <summary>
/// A tiny bot for wiring tests: counts the messages of a conversation in ConversationState and replies with the count;
/// the message <see cref="Fail"/> makes it throw after saving, like a dialog bug would.
/// </summary>
public sealed class CountingBot(ConversationState conversationState) : IBot
{
    public const string Fail = "hỏng";

    private readonly IStatePropertyAccessor<Counter> counter = conversationState.CreateProperty<Counter>("counter");

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Type != ActivityTypes.Message)
            return;
        var state = await counter.GetAsync(turnContext, () => new Counter(), cancellationToken);
        await Task.Delay(5, cancellationToken); // widen the read-modify-write window
        state.Count++;
        await turnContext.SendActivityAsync(state.Count.ToString(), cancellationToken: cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        if (turnContext.Activity.Text == Fail)
            throw new InvalidOperationException("A dialog bug (the message must not be logged).");
    }

    public sealed class Counter
    {
        public int Count { get; set; }
    }
}
