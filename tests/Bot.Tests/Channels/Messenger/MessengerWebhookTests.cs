using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Messenger;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Stores;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

using static VssBot.Bot.Tests.Channels.Messenger.MessengerHost;

namespace VssBot.Bot.Tests.Channels.Messenger;

public sealed class MessengerWebhookTests
{
    private const string Lan = "7301148291034561";
    private const string Minh = "6984402157712093";

    [Fact]
    public async Task The_subscription_check_echoes_the_challenge_only_for_the_right_verify_token()
    {
        using var host = new MessengerHost();

        var ok = await host.Client.GetAsync($"{MessengerChannel.WebhookPath}?hub.mode=subscribe&hub.verify_token={MessengerHost.VerifyToken}&hub.challenge=1158201444");
        var wrong = await host.Client.GetAsync($"{MessengerChannel.WebhookPath}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.Forbidden)]
    [InlineData("sha1=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", HttpStatusCode.Forbidden)]
    public async Task A_post_without_the_right_signature_is_refused_and_nothing_runs(string? signature, HttpStatusCode expected)
    {
        using var host = new MessengerHost();

        var response = await host.PostAsync(MessengerHost.Payload("first-message.json"), signature);
        await host.IdleAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(host.Sent());
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        using var host = new MessengerHost();
        var body = MessengerHost.Payload("first-message.json");
        var signature = MessengerSignature.Sign(System.Text.Encoding.UTF8.GetBytes(body), MessengerHost.AppSecret);

        var response = await host.PostAsync(body.Replace("Xin chào ạ", "Xin chao a"), signature);
        await host.IdleAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Sent());
    }

    [Fact]
    public async Task The_first_turns_reach_the_bots_first_question_with_quick_replies()
    {
        using var host = new MessengerHost();

        await host.DeliverAsync(MessengerHost.Payload("first-message.json"));

        var sent = host.Sent();
        Assert.Equal("typing_on", (string?)sent[0]["sender_action"]);
        var messages = sent.Where(b => b["message"] is not null).ToList();
        Assert.All(messages, m => Assert.Equal("RESPONSE", (string?)m["messaging_type"]));
        Assert.All(messages, m => Assert.Equal(Lan, (string?)m["recipient"]!["id"]));
        Assert.StartsWith("Xin chào! 👋 Mình là trợ lý VssID", (string?)messages[0]["message"]!["text"]);
        var question = messages[^1]["message"]!;
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", (string?)question["text"]);
        var quickReplies = question["quick_replies"]!.AsArray();
        Assert.Equal(["Đã cài rồi", "Chưa, hướng dẫn mình", "VssID là gì?"], quickReplies.Select(q => (string?)q!["title"]));
        Assert.All(quickReplies, q => Assert.Equal("text", (string?)q!["content_type"]));
        Assert.All(host.Api.LogEntries, e => Assert.Equal(MessengerHost.PageAccessToken, e.RequestMessage!.Query!["access_token"].Single()));

        // The student taps "Chưa, hướng dẫn mình": the install guide starts.
        await host.DeliverAsync(MessengerHost.Payload("quick-reply-install.json"));
        var after = host.SentTexts(Lan).Skip(messages.Count).ToList();
        Assert.NotEmpty(after);
        Assert.DoesNotContain("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", after);
    }

    [Fact]
    public async Task Every_entry_and_messaging_event_of_one_post_is_handled_and_echoes_and_deliveries_are_not()
    {
        using var host = new MessengerHost(s => s.AddSingleton<IBot, EchoBot>());

        await host.DeliverAsync(MessengerHost.Payload("two-users-batched.json"));

        Assert.Equal(["Chào bạn, mình muốn đăng ký VssID", "Chưa, hướng dẫn mình"], host.SentTexts(Lan));
        Assert.Equal(["image/jpeg https://scontent.xx.fbcdn.net/v/t1.15752-9/471922210_1106032074502713_4190123651234567890_n.jpg?_nc_cat=109&ccb=1-7&_nc_sid=fc17b8&oh=03_Q7cD1QH&oe=67A1B2C3"],
            host.SentTexts(Minh));
    }

    [Fact]
    public async Task A_message_delivered_twice_runs_one_turn()
    {
        using var host = new MessengerHost(s => s.AddSingleton<IBot, EchoBot>());
        var body = MessengerHost.Payload("postback-get-started.json");

        await host.DeliverAsync(body);
        await host.DeliverAsync(body);

        Assert.Equal(["xin chào"], host.SentTexts(Lan));
    }

    [Fact]
    public async Task Messages_of_one_user_are_answered_in_the_order_received_while_the_webhook_answers_at_once()
    {
        // The first turn cannot finish until every message is acknowledged: the webhook must not wait for turns.
        var firstTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var host = new MessengerHost(s => s.AddSingleton<IBot>(new EchoBot(firstTurn)));
        var texts = new[] { "một", "hai", "ba", "bốn", "năm" };

        foreach (var (text, n) in texts.Select((t, n) => (t, n)))
        {
            var response = await host.PostAsync(Message(Lan, $"m_order_{n}", text, 1767240000000 + n));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Empty(host.SentTexts(Lan));
        firstTurn.SetResult();
        await host.IdleAsync();

        Assert.Equal(texts, host.SentTexts(Lan));
    }

    [Fact]
    public async Task Messages_acknowledged_before_the_host_stops_are_each_answered_exactly_once_by_the_next_host()
    {
        var database = VssBotFactory.NewDatabasePath();
        // The first host's first turn never finishes: the stop cuts it off, and Lan's later messages wait behind it.
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new MessengerHost(s =>
        {
            s.AddSingleton<IBot>(new EchoBot(never));
            s.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        }, databasePath: database);
        (await first.PostAsync(Message(Lan, "m_stop_0", "một", 1767240000000))).EnsureSuccessStatusCode();
        await Until(() => first.Sent().Any(b => (string?)b["sender_action"] == "typing_on"));
        (await first.PostAsync(Message(Lan, "m_stop_1", "hai", 1767240000001))).EnsureSuccessStatusCode();
        (await first.PostAsync(Message(Lan, "m_stop_2", "ba", 1767240000002))).EnsureSuccessStatusCode();
        (await first.PostAsync(Message(Minh, "m_stop_3", "chào", 1767240000003))).EnsureSuccessStatusCode();
        await Until(() => first.SentTexts(Minh).Count == 1);
        await first.Factory.DisposeAsync(); // stopped with a turn running and two messages not started
        var answeredByFirst = first.SentTexts();
        first.Dispose();

        using var second = new MessengerHost(s => s.AddSingleton<IBot, EchoBot>(), databasePath: database);
        await second.IdleAsync();

        Assert.Equal(["chào"], answeredByFirst);
        Assert.Equal(["một", "hai", "ba"], second.SentTexts(Lan));
        Assert.Empty(second.SentTexts(Minh));
        // The acknowledgement stores only the event; its turn opens the 24-hour window, at the time the message was sent,
        // on whichever host runs it.
        var windows = second.Factory.Services.GetRequiredService<IReplyWindowStore>();
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767240000002), await windows.LastWroteAsync(MessengerMapper.ChannelId, Lan, default));
        // Meta redelivers after the restart: already accepted, not answered again.
        await second.DeliverAsync(Message(Lan, "m_stop_1", "hai", 1767240000001));
        Assert.Equal(3, second.SentTexts(Lan).Count);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 30_000, "timed out");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_send_failing_with_5xx_is_retried_with_back_off_and_then_delivered()
    {
        using var host = new MessengerHost(s => s.AddSingleton<IBot, EchoBot>());
        host.Api.Given(Request.Create().WithPath(MessengerHost.SendPath).UsingPost().WithBody(b => b!.Contains("\"message\"")))
            .InScenario("flaky").WillSetStateTo("failed once").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("""{"error":{"message":"An unexpected error has occurred.","type":"OAuthException","code":2,"fbtrace_id":"A1"}}"""));
        host.Api.Given(Request.Create().WithPath(MessengerHost.SendPath).UsingPost().WithBody(b => b!.Contains("\"message\"")))
            .InScenario("flaky").WhenStateIs("failed once").WillSetStateTo("failed twice").AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503));

        await host.DeliverAsync(Message(Lan, "m_retry", "thử lại", 1767240000000));

        var attempts = host.Sent().Where(b => b["message"] is not null).ToList();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("thử lại", (string?)a["message"]!["text"]));
    }

    [Fact]
    public async Task A_send_that_keeps_failing_is_tried_a_bounded_number_of_times()
    {
        using var host = new MessengerHost(s => s.AddSingleton<IBot, EchoBot>(), sendRetries: 2);
        host.Api.Given(Request.Create().WithPath(MessengerHost.SendPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(502));

        await host.DeliverAsync(Message(Lan, "m_down", "còn đó không", 1767240000000));

        // typing_on and the reply: 1 + 2 retries each; an undeliverable reply gets no apology (it could not be delivered either).
        Assert.Equal(3, host.Sent().Count(b => (string?)b["sender_action"] == "typing_on"));
        Assert.Equal(3, host.Sent().Count(b => (string?)b["message"]?["text"] == "còn đó không"));
        Assert.Equal(6, host.Sent().Count);
        Assert.Contains(host.Factory.Services.GetRequiredService<UndeliveredReplies>().Recent, r => r.ChannelId == "facebook" && r.UserId == Lan);
    }

    [Fact]
    public async Task A_reminder_to_a_user_outside_the_24_hour_window_is_recorded_instead_of_sent()
    {
        using var host = new MessengerHost();
        var adapter = host.Factory.Services.GetRequiredService<MessengerAdapter>();
        var reference = new ConversationReference
        {
            ChannelId = MessengerMapper.ChannelId,
            Conversation = new ConversationAccount(id: "5550000000000001"),
            User = new ChannelAccount("5550000000000001"),
            Bot = new ChannelAccount(MessengerHost.PageId),
            ServiceUrl = "https://www.facebook.com/",
        };

        await adapter.ContinueConversationAsync("", reference, (turn, ct) => turn.SendActivityAsync("Nhắc bạn: mang tờ khai đến cơ quan BHXH nhé.", cancellationToken: ct), CancellationToken.None);

        Assert.Empty(host.Sent());
        var record = Assert.Single(host.Factory.Services.GetRequiredService<UndeliveredReplies>().Recent);
        Assert.Equal(("facebook", "5550000000000001", "message"), (record.ChannelId, record.UserId, record.ActivityType));
    }

    [Fact]
    public async Task A_proactive_message_inside_the_window_is_an_UPDATE_and_answers_are_RESPONSE()
    {
        using var host = new MessengerHost(s => s.AddSingleton<IBot, EchoBot>());
        await host.DeliverAsync(Message(Lan, "m_hi", "chào", 1767240000000));
        var adapter = host.Factory.Services.GetRequiredService<MessengerAdapter>();

        await adapter.ContinueConversationAsync("", Reference(Lan), (turn, ct) => turn.SendActivityAsync("Nhắc bạn nhé.", cancellationToken: ct), CancellationToken.None);

        var messages = host.Sent().Where(b => b["message"] is not null).ToList();
        Assert.Equal(["RESPONSE", "UPDATE"], messages.Select(b => (string?)b["messaging_type"]));
    }

    [Theory]
    [InlineData(10, 2018278, "WindowClosed")]
    [InlineData(551, null, "RecipientUnavailable")]
    public async Task A_graph_refusal_of_the_window_or_the_person_is_reported_as_refused_not_as_an_error(int code, int? subcode, string failure)
    {
        using var host = new MessengerHost(s => s.AddSingleton<IBot, EchoBot>());
        await host.DeliverAsync(Message(Lan, "m_hi", "chào", 1767240000000));
        host.Api.Given(Request.Create().WithPath(MessengerHost.SendPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithBodyAsJson(new { error = new { message = "(#10) This message is sent outside of allowed window.", type = "OAuthException", code, error_subcode = subcode } }));
        var adapter = host.Factory.Services.GetRequiredService<MessengerAdapter>();
        var report = new VssBot.Bot.Turns.DeliveryReport();

        await adapter.ContinueConversationAsync("", Reference(Lan), (turn, ct) =>
        {
            turn.TurnState.Add(report);
            return turn.SendActivityAsync("Nhắc bạn nhé.", cancellationToken: ct);
        }, CancellationToken.None);

        Assert.True(report.Refused);
        Assert.Equal(failure, report.Kind.ToString());
        var window = host.Factory.Services.GetRequiredKeyedService<ReplyWindow>(MessengerMapper.ChannelId);
        Assert.Equal(failure != "WindowClosed", await window.IsOpenAsync(Lan, default));
    }

    [Theory]
    [InlineData(190, null, DeliveryFailure.BadToken)]
    [InlineData(613, null, DeliveryFailure.RateLimited)]
    [InlineData(100, 2018108, DeliveryFailure.NotAllowed)]
    [InlineData(10, 2018278, DeliveryFailure.WindowClosed)]
    [InlineData(551, null, DeliveryFailure.RecipientUnavailable)]
    public void Graph_error_codes_are_classified(int code, int? subcode, DeliveryFailure expected) =>
        Assert.Equal(expected, GraphErrors.Classify(400, code, subcode));

    private static ConversationReference Reference(string user) => new()
    {
        ChannelId = MessengerMapper.ChannelId,
        Conversation = new ConversationAccount(id: user),
        User = new ChannelAccount(user),
        Bot = new ChannelAccount(MessengerHost.PageId),
        ServiceUrl = "https://www.facebook.com/",
    };

    /// <summary>Replies with the text, or the content type and URL of each attachment; when given a gate, the first turn waits until the test opens it.</summary>
    private sealed class EchoBot(TaskCompletionSource? holdFirst = null) : IBot
    {
        private int turns;

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Type != ActivityTypes.Message)
                return;
            if (Interlocked.Increment(ref turns) == 1 && holdFirst is not null)
                await holdFirst.Task.WaitAsync(cancellationToken);
            var activity = turnContext.Activity;
            var reply = activity.Attachments is { Count: > 0 } attachments
                ? string.Join(" | ", attachments.Select(a => $"{a.ContentType} {a.ContentUrl}"))
                : activity.Text;
            await turnContext.SendActivityAsync(reply, cancellationToken: cancellationToken);
        }
    }
}
