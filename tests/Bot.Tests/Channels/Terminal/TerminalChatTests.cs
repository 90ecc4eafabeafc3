using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VssBot.Bot.Channels.Terminal;
using VssBot.Bot.Turns;
using VssBot.Dialogs;

namespace VssBot.Bot.Tests.Channels.Terminal;

public sealed class TerminalChatTests
{
    private readonly MemoryStorage storage = new();

    /// <summary>The terminal's wiring as the host does it, over one storage shared by all sessions of a test.</summary>
    private ServiceProvider Services(Action<IServiceCollection>? bot = null)
    {
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IStorage>(storage)
            .AddStudentConversation()
            .AddTurnPipeline()
            .AddTerminalChannel();
        bot?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static async Task<string> ChatAsync(ServiceProvider services, params string[] lines)
    {
        var output = new StringWriter();
        await services.GetRequiredService<TerminalChat>().RunAsync(new StringReader(string.Join("\n", lines)), output, "lan");
        return output.ToString();
    }

    [Fact]
    public async Task The_student_bot_answers_in_the_terminal()
    {
        using var services = Services();
        var printed = await ChatAsync(services, "xin chào", "/exit");
        Assert.Contains("Bot: Xin chào! 👋 Mình là trợ lý VssID", printed);
        Assert.Contains("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", printed);
        Assert.EndsWith("Tạm biệt!" + Environment.NewLine, printed);
    }

    [Fact]
    public async Task Suggested_actions_are_numbered_and_a_number_sends_the_actions_value()
    {
        using var services = Services(s => s.AddSingleton<IBot, ChoosingBot>());

        var printed = await ChatAsync(services, "bắt đầu", "2");

        Assert.Contains($"Bot: Bạn dùng điện thoại gì?{Environment.NewLine}  1. Android{Environment.NewLine}  2. iPhone{Environment.NewLine}", printed);
        Assert.Contains("Bot: Bạn đã chọn: ios", printed);
    }

    [Fact]
    public async Task The_office_list_is_printed_once_and_the_edit_menu_is_numbered_like_the_summary()
    {
        using var services = Services();

        var printed = await ChatAsync(services, [.. HappyPath.ToSummary, "sửa thông tin", "8", "/exit"]);

        var officeTurn = printed[printed.IndexOf("Câu 12", StringComparison.Ordinal)..printed.IndexOf("Câu 13", StringComparison.Ordinal)];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(officeTurn, @"1\. BHXH"));
        var menu = printed[printed.IndexOf("Bạn muốn sửa mục nào", StringComparison.Ordinal)..];
        Assert.Contains($"{Environment.NewLine}  1. Họ tên{Environment.NewLine}", menu);
        Assert.Contains($"{Environment.NewLine}  8. Số điện thoại{Environment.NewLine}", menu);
        Assert.DoesNotContain("1. 1.", menu);
        Assert.Contains("Câu 8", menu); // "8" picked field 8, as the summary numbers it
    }

    [Fact]
    public async Task A_number_without_suggested_actions_is_sent_as_text()
    {
        using var services = Services(s => s.AddSingleton<IBot, ChoosingBot>());
        var printed = await ChatAsync(services, "7");
        Assert.Contains("Bot: Bạn đã chọn: 7", printed);
    }

    [Fact]
    public async Task A_restarted_chat_resumes_the_same_conversation_and_new_starts_afresh()
    {
        using var services = Services(s => s.AddSingleton<IBot, CountingBot>());

        Assert.Contains("Bot: 2", await ChatAsync(services, "một", "hai"));
        var afterRestart = await ChatAsync(services, "ba", "/new", "một");

        Assert.Contains("Bot: 3", afterRestart);
        Assert.Contains("(Cuộc trò chuyện mới)", afterRestart);
        Assert.EndsWith($"Bot: 1{Environment.NewLine}Bạn> Tạm biệt!{Environment.NewLine}", afterRestart);
    }

    [Fact]
    public async Task Terminal_activities_carry_the_channel_conversation_and_both_accounts()
    {
        var seen = new List<Activity>();
        using var services = Services(s => s.AddSingleton<IBot>(new RecordingBot(seen)));

        await ChatAsync(services, "xin chào");

        var message = Assert.Single(seen, a => a.Type == ActivityTypes.Message);
        Assert.Equal("terminal", message.ChannelId);
        Assert.Equal("terminal-lan", message.Conversation.Id);
        Assert.Equal("lan", message.From.Name);
        Assert.Equal("vssbot", message.Recipient.Id);
        Assert.Equal("xin chào", message.Text);
    }

    private sealed class ChoosingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type != ActivityTypes.Message)
                return Task.CompletedTask;
            if (turnContext.Activity.Text != "bắt đầu")
                return turnContext.SendActivityAsync($"Bạn đã chọn: {turnContext.Activity.Text}", cancellationToken: cancellationToken);
            var question = MessageFactory.Text("Bạn dùng điện thoại gì?");
            question.SuggestedActions = new SuggestedActions(actions:
                [new CardAction(ActionTypes.ImBack, "Android", value: "android"), new CardAction(ActionTypes.ImBack, "iPhone", value: "ios")]);
            return turnContext.SendActivityAsync(question, cancellationToken);
        }
    }

    private sealed class RecordingBot(List<Activity> seen) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            seen.Add(turnContext.Activity);
            return Task.CompletedTask;
        }
    }
}
