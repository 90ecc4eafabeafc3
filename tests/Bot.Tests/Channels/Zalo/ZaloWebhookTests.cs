using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Zalo;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VssBot.Bot.Tests.Channels.Zalo;

public sealed class ZaloWebhookTests
{
    private const string User = "2468458835296117922";

    [Theory]
    [InlineData(null)]
    [InlineData("mac=00")]
    [InlineData("sha256=abcdef")]
    public async Task An_event_without_the_right_signature_gets_200_and_nothing_runs(string? signature)
    {
        using var host = new ZaloHost();

        var response = await host.PostAsync(ZaloHost.Payload("user-send-text.json"), signature);
        await host.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Zalo disables a webhook that keeps answering otherwise
        Assert.Empty(host.Sent());
    }

    [Fact]
    public async Task The_consoles_unsigned_registration_probe_gets_200_and_runs_nothing()
    {
        using var host = new ZaloHost();

        var probe = await host.PostAsync("{}", signature: null);
        var notJson = await host.PostAsync("not json", signature: "mac=00");
        await host.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, notJson.StatusCode);
        Assert.Empty(host.Sent());
    }

    [Fact]
    public async Task The_signature_is_accepted_with_or_without_the_mac_prefix()
    {
        using var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>());
        var body = ZaloHost.Payload("user-send-text.json");
        var bare = ZaloSignature.Sign(System.Text.Encoding.UTF8.GetBytes(body), ZaloHost.AppId, "1767240000512", ZaloHost.OaSecretKey)["mac=".Length..];

        (await host.PostAsync(body, bare.ToUpperInvariant())).EnsureSuccessStatusCode();
        await host.IdleAsync();

        Assert.Single(host.Sent());
    }

    [Fact]
    public async Task A_body_changed_after_signing_or_signed_with_another_secret_is_refused()
    {
        using var host = new ZaloHost();
        var body = ZaloHost.Payload("user-send-text.json");
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var signature = ZaloSignature.Sign(bytes, ZaloHost.AppId, "1767240000512", ZaloHost.OaSecretKey);

        var tampered = await host.PostAsync(body.Replace("Xin chào ạ", "Xin chao a"), signature);
        var otherSecret = await host.PostAsync(body, ZaloSignature.Sign(bytes, ZaloHost.AppId, "1767240000512", ZaloHost.AppSecretKey));
        await host.IdleAsync();

        Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherSecret.StatusCode);
        Assert.Empty(host.Sent());
    }

    [Fact]
    public async Task A_text_reaches_the_bots_first_question_with_buttons_and_the_access_token_header()
    {
        using var host = new ZaloHost();

        await host.DeliverAsync(ZaloHost.Payload("user-send-text.json"));

        var sent = host.Sent();
        Assert.All(sent, m => Assert.Equal(User, (string?)m["recipient"]!["user_id"]));
        Assert.StartsWith("Xin chào! 👋 Mình là trợ lý VssID", (string?)sent[0]["message"]!["text"]);
        var question = sent[^1]["message"]!;
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", (string?)question["text"]);
        Assert.Equal("template", (string?)question["attachment"]!["type"]);
        var buttons = question["attachment"]!["payload"]!["buttons"]!.AsArray();
        Assert.Equal(["Đã cài rồi", "Chưa, hướng dẫn mình", "VssID là gì?"], buttons.Select(b => (string?)b!["title"]));
        Assert.All(buttons, b => Assert.Equal("oa.query.show", (string?)b!["type"]));
        Assert.All(host.Calls(ZaloHost.SendPath), c => Assert.Equal(ZaloHost.AccessToken, c.RequestMessage!.Headers!["access_token"].Single()));
    }

    [Fact]
    public async Task An_event_delivered_twice_runs_one_turn_and_images_arrive_as_attachments()
    {
        using var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>());
        var image = ZaloHost.Payload("user-send-image.json");

        await host.DeliverAsync(image);
        await host.DeliverAsync(image);

        var text = (string?)Assert.Single(host.Sent())["message"]!["text"];
        Assert.Equal("Ảnh mặt trước CCCD | image/jpeg https://s120-ava-talk.zadn.vn/2/c/9/a/cccd-truoc.jpg", text);
    }

    [Fact]
    public async Task A_follow_is_greeted()
    {
        using var host = new ZaloHost();

        await host.DeliverAsync(ZaloHost.Payload("follow.json"));

        var sent = host.Sent();
        Assert.All(sent, m => Assert.Equal("6120118446385731302", (string?)m["recipient"]!["user_id"]));
        Assert.StartsWith("Xin chào! 👋 Mình là trợ lý VssID", (string?)sent[0]["message"]!["text"]);
    }

    [Theory]
    [InlineData(-216)]
    [InlineData(-220)]
    [InlineData(-124)]
    public async Task An_expired_access_token_is_refreshed_once_the_message_resent_and_the_new_tokens_kept_across_a_restart(int expired)
    {
        var database = VssBotFactory.NewDatabasePath();
        using (var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>(), database))
        {
            host.Api.Given(Request.Create().WithPath(ZaloHost.SendPath).UsingPost().WithHeader("access_token", ZaloHost.AccessToken)).AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = expired, message = "Access token is invalid or expired" }));
            host.Api.Given(Request.Create().WithPath(ZaloHost.OAuthPath).UsingPost()).AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "oa-access-token-2", refresh_token = "oa-refresh-token-2", expires_in = "90000" }));

            await host.DeliverAsync(ZaloHost.Payload("user-send-text.json"));

            var refresh = Assert.Single(host.Calls(ZaloHost.OAuthPath)).RequestMessage!;
            Assert.Equal(ZaloHost.AppSecretKey, refresh.Headers!["secret_key"].Single());
            Assert.Contains("refresh_token=oa-refresh-token-1", refresh.Body);
            Assert.Contains($"app_id={ZaloHost.AppId}", refresh.Body);
            Assert.Contains("grant_type=refresh_token", refresh.Body);
            Assert.Equal([ZaloHost.AccessToken, "oa-access-token-2"], host.Calls(ZaloHost.SendPath).Select(c => c.RequestMessage!.Headers!["access_token"].Single()));
        }

        using var restarted = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>(), database);
        await restarted.DeliverAsync(ZaloHost.Payload("user-send-image.json"));
        Assert.Equal("oa-access-token-2", Assert.Single(restarted.Calls(ZaloHost.SendPath)).RequestMessage!.Headers!["access_token"].Single());
        Assert.Empty(restarted.Calls(ZaloHost.OAuthPath));
    }

    [Fact]
    public async Task A_5xx_from_the_oa_api_is_retried_and_a_refusal_is_recorded_as_undelivered()
    {
        using var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>());
        host.Api.Given(Request.Create().WithPath(ZaloHost.SendPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503));

        await host.DeliverAsync(ZaloHost.Payload("user-send-text.json"));

        Assert.Equal(4, host.Sent().Count); // 1 + 3 retries; an undeliverable reply gets no apology (it could not be delivered either)
        Assert.Contains(host.Factory.Services.GetRequiredService<UndeliveredReplies>().Recent, r => r.ChannelId == "zalo" && r.UserId == User);
    }

    [Fact]
    public async Task Nothing_is_sent_once_the_reply_window_has_closed()
    {
        using var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>());
        host.Clock.Advance(TimeSpan.FromDays(3)); // the recorded message is now 3 days old

        // Older than the reply window: acknowledged (so Zalo stops retrying) and dropped, no turn runs (issue 10, replays).
        await host.DeliverAsync(ZaloHost.Payload("user-send-text.json"));

        Assert.Empty(host.Sent());
        Assert.Empty(host.Factory.Services.GetRequiredService<UndeliveredReplies>().Recent);
    }

    [Theory]
    [InlineData(-201)]
    [InlineData(-233)]
    public async Task A_refused_button_message_arrives_as_a_numbered_list(int refused)
    {
        using var host = new ZaloHost();
        host.Api.Given(Request.Create().WithPath(ZaloHost.SendPath).UsingPost().WithBody(new WireMock.Matchers.JsonPathMatcher("$.message.attachment"))).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = refused, message = "Invalid parameter" }));

        await host.DeliverAsync(ZaloHost.Payload("user-send-text.json"));

        var last = host.Sent()[^1]["message"]!;
        Assert.Null(last["attachment"]);
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?\n\n1. Đã cài rồi\n2. Chưa, hướng dẫn mình\n3. VssID là gì?", (string?)last["text"]);
        Assert.Empty(host.Factory.Services.GetRequiredService<UndeliveredReplies>().Recent);
    }

    [Theory]
    [InlineData(-230)]
    [InlineData(-232)]
    public async Task A_window_zalo_says_is_closed_is_a_refusal_and_closes_the_window(int closed)
    {
        using var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>());
        host.Api.Given(Request.Create().WithPath(ZaloHost.SendPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = closed, message = "User has not interacted" }));

        await host.DeliverAsync(ZaloHost.Payload("user-send-text.json"));

        Assert.Single(host.Sent()); // refused, not retried
        var window = host.Factory.Services.GetRequiredKeyedService<ReplyWindow>(ZaloMapper.ChannelId);
        Assert.False(await window.IsOpenAsync(User, default));
        Assert.Contains("WindowClosed", Assert.Single(host.Factory.Services.GetRequiredService<UndeliveredReplies>().Recent).Reason);
    }

    [Fact]
    public async Task The_token_is_refreshed_early_and_a_failed_refresh_is_an_alert_on_the_health_check()
    {
        using var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>());
        var tokens = host.Factory.Services.GetRequiredService<ZaloTokenStore>();
        host.Api.Given(Request.Create().WithPath(ZaloHost.OAuthPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = -14014, error_name = "Invalid refresh token" }));
        await host.DeliverAsync(ZaloHost.Payload("user-send-text.json")); // first use of the configured token

        host.Clock.Advance(TimeSpan.FromHours(19));
        Assert.True(await tokens.RefreshIfDueAsync(default));
        Assert.Empty(host.Calls(ZaloHost.OAuthPath));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/channels")).StatusCode);

        host.Clock.Advance(TimeSpan.FromHours(2));
        Assert.False(await tokens.RefreshIfDueAsync(default));
        Assert.Single(host.Calls(ZaloHost.OAuthPath));
        var health = await host.Client.GetAsync("/health/channels");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        host.Api.Given(Request.Create().WithPath(ZaloHost.OAuthPath).UsingPost()).AtPriority(0)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "oa-access-token-2", refresh_token = "oa-refresh-token-2", expires_in = "90000" }));
        Assert.True(await tokens.RefreshIfDueAsync(default));
        Assert.Equal("oa-access-token-2", await tokens.GetAccessTokenAsync(default));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/channels")).StatusCode);
    }

    [Fact]
    public async Task Reply_windows_and_seen_events_survive_a_restart()
    {
        var database = VssBotFactory.NewDatabasePath();
        var text = ZaloHost.Payload("user-send-text.json");
        using (var host = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>(), database))
            await host.DeliverAsync(text);

        using var restarted = new ZaloHost(s => s.AddSingleton<IBot, EchoBot>(), database);
        await restarted.DeliverAsync(text); // Zalo redelivers after the restart: no second turn
        Assert.Empty(restarted.Sent());

        var window = restarted.Factory.Services.GetRequiredKeyedService<ReplyWindow>(ZaloMapper.ChannelId);
        Assert.True(await window.IsOpenAsync(User, default)); // the user wrote before the restart: the window is still open
    }

    private sealed class EchoBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            var activity = turnContext.Activity;
            if (activity.Type != ActivityTypes.Message)
                return Task.CompletedTask;
            var parts = new List<string>();
            if (!string.IsNullOrEmpty(activity.Text))
                parts.Add(activity.Text);
            parts.AddRange((activity.Attachments ?? []).Select(a => $"{a.ContentType} {a.ContentUrl}"));
            return turnContext.SendActivityAsync(string.Join(" | ", parts), cancellationToken: cancellationToken);
        }
    }
}
