using VssBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Turns;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Channels.Terminal;

/// <summary>
/// <c>dotnet run --project Bot -- chat</c>: talk to the same bot, over the same storage, from a terminal.
/// Each line is a message; a number picks one of the suggested actions printed last;
/// "/new" starts a fresh conversation, "/exit" (or end of input) quits.
/// The conversation id is stable per local user, so a restarted chat resumes where it stopped.
/// </summary>
public sealed class TerminalChat(IBot bot, StudentState studentState, IServiceProvider services, TimeProvider clock)
{
    public const string Command = "chat";
    private const string Greeting = "Trò chuyện với trợ lý VssID. Gõ số để chọn gợi ý, /new để bắt đầu lại, /exit để thoát.";

    public async Task RunAsync(TextReader input, TextWriter output, string localUser, CancellationToken cancellationToken = default)
    {
        var adapter = new TerminalAdapter(output).UseTurnPipeline(services);
        var user = new ChannelAccount($"terminal-user-{localUser}", localUser, RoleTypes.User);
        var conversation = new ConversationAccount(id: $"terminal-{localUser}");

        await output.WriteLineAsync(Greeting.AsMemory(), cancellationToken);
        await TurnAsync(adapter, NewActivity(ActivityTypes.ConversationUpdate, user, conversation, a => a.MembersAdded = [user]), cancellationToken);

        while (true)
        {
            await output.WriteAsync("Bạn> ".AsMemory(), cancellationToken);
            await output.FlushAsync(cancellationToken);
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() == "/exit")
                break;
            line = line.Trim();
            if (line.Length == 0)
                continue;

            if (line == "/new")
            {
                await ForgetConversationAsync(adapter, user, conversation, cancellationToken);
                await output.WriteLineAsync("(Cuộc trò chuyện mới)".AsMemory(), cancellationToken);
                await TurnAsync(adapter, NewActivity(ActivityTypes.ConversationUpdate, user, conversation, a => a.MembersAdded = [user]), cancellationToken);
                continue;
            }

            var text = ChosenAction(adapter, line) is { } action ? action.Value?.ToString() ?? action.Title : line;
            await TurnAsync(adapter, NewActivity(ActivityTypes.Message, user, conversation, a => a.Text = text), cancellationToken);
        }
        await output.WriteLineAsync("Tạm biệt!".AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    private Task TurnAsync(TerminalAdapter adapter, Activity activity, CancellationToken cancellationToken) =>
        adapter.ProcessActivityAsync(activity, bot.OnTurnAsync, cancellationToken);

    private static CardAction? ChosenAction(TerminalAdapter adapter, string line) => MessageText.ChosenByNumber(adapter.OfferedActions, line);

    /// <summary>Deletes this conversation's state (user state, e.g. the journey, is kept).</summary>
    private async Task ForgetConversationAsync(TerminalAdapter adapter, ChannelAccount user, ConversationAccount conversation, CancellationToken cancellationToken)
    {
        using var turnContext = new TurnContext(adapter, NewActivity(ActivityTypes.Event, user, conversation, a => a.Name = "conversationReset"));
        await studentState.DeleteConversationAsync(turnContext, cancellationToken);
    }

    private Activity NewActivity(string type, ChannelAccount user, ConversationAccount conversation, Action<Activity> fill)
    {
        var activity = new Activity
        {
            Type = type,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = TerminalAdapter.ChannelId,
            ServiceUrl = "terminal://local",
            Conversation = conversation,
            From = user,
            Recipient = new ChannelAccount("vssbot", "VssBot", RoleTypes.Bot),
            Locale = "vi-VN",
            Timestamp = clock.GetUtcNow(),
            LocalTimestamp = clock.GetLocalNow(),
        };
        fill(activity);
        return activity;
    }
}
