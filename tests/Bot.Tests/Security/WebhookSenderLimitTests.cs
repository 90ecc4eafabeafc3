using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VssBot.Bot.Security;
using VssBot.Bot.Tests.Channels;
using VssBot.Bot.Tests.Channels.Messenger;
using VssBot.Bot.Tests.Channels.Zalo;

namespace VssBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, "rate limits … webhooks per sender": a platform user flooding the page/OA gets RateLimits:WebhookEventsPerSender
/// turns per window; the rest are acknowledged with 200 (the platform would retry anything else) and dropped, logged
/// without the sender's id. Another user is not affected.
/// </summary>
public sealed class WebhookSenderLimitTests
{
    private const string Flooder = "7301148291034561";
    private const string Other = "6120118446385731302";

    private static void Limits(IServiceCollection services, LogRecorder logs, CountingTurns turns)
    {
        services.Configure<RateLimitOptions>(o => (o.WebhookEventsPerSender, o.WebhookSenderWindow) = (3, TimeSpan.FromHours(1)));
        services.AddSingleton<ILoggerProvider>(logs);
        services.AddSingleton<IBot>(turns);
    }

    [Fact]
    public async Task A_messenger_user_over_the_limit_is_acknowledged_but_not_answered_and_another_user_still_is()
    {
        var (logs, turns) = (new LogRecorder(), new CountingTurns());
        using var host = new MessengerHost(s => Limits(s, logs, turns));
        await FloodAndCheckAsync(body => host.PostAsync(body), () => host.IdleAsync(), logs, turns,
            n => MessengerMessage(Flooder, $"m_flood_{n}", 1767240000000 + n), MessengerMessage(Other, "m_other_0", 1767240000100));
    }

    [Fact]
    public async Task A_zalo_user_over_the_limit_is_acknowledged_but_not_answered_and_another_user_still_is()
    {
        var (logs, turns) = (new LogRecorder(), new CountingTurns());
        using var host = new ZaloHost(s => Limits(s, logs, turns));
        await FloodAndCheckAsync(body => host.PostAsync(body), () => host.IdleAsync(), logs, turns,
            n => ZaloMessage(Flooder, $"flood{n}", 1767240000000 + n), ZaloMessage(Other, "other0", 1767240000100));
    }

    /// <summary>Six events from the flooder and one from another user: all acknowledged, three of the flooder's answered, the rest dropped without the sender's id in the log.</summary>
    private static async Task FloodAndCheckAsync(Func<string, Task<HttpResponseMessage>> post, Func<Task> idle, LogRecorder logs, CountingTurns turns,
        Func<int, string> flood, string other)
    {
        for (var n = 0; n < 6; n++)
            Assert.Equal(HttpStatusCode.OK, (await post(flood(n))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await post(other)).StatusCode);
        await idle();

        Assert.Equal(3, turns.Of(Flooder));
        Assert.Equal(1, turns.Of(Other));
        var dropped = logs.Lines.Where(l => l.Contains("over the rate limit")).ToList();
        Assert.Equal(3, dropped.Count);
        Assert.All(dropped, l => Assert.DoesNotContain(Flooder, l));
    }

    private static string MessengerMessage(string user, string mid, long timestamp) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = MessengerHost.PageId,
            ["time"] = timestamp + 100,
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = user },
                ["recipient"] = new JsonObject { ["id"] = MessengerHost.PageId },
                ["timestamp"] = timestamp,
                ["message"] = new JsonObject { ["mid"] = mid, ["text"] = "0912345678" },
            }),
        }),
    }.ToJsonString();

    private static string ZaloMessage(string user, string id, long timestamp) => new JsonObject
    {
        ["app_id"] = ZaloHost.AppId,
        ["user_id_by_app"] = "8217763102855641218",
        ["event_name"] = "user_send_text",
        ["timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sender"] = new JsonObject { ["id"] = user },
        ["recipient"] = new JsonObject { ["id"] = "579745863508352884" },
        ["message"] = new JsonObject { ["text"] = "0912345678", ["msg_id"] = id },
    }.ToJsonString();

    /// <summary>Counts message turns per sender (no reply: the limit is about turns, not sends).</summary>
    private sealed class CountingTurns : IBot
    {
        private readonly ConcurrentDictionary<string, int> turns = new();

        public int Of(string user) => turns.GetValueOrDefault(user);

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type == ActivityTypes.Message)
                turns.AddOrUpdate(turnContext.Activity.From.Id, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}

/// <summary>Every formatted log line of the host, to check what is (not) logged.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogRecorder recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.lines.Enqueue(formatter(state, exception));
    }
}
