using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Tests.Channels.BotFramework;

public sealed class MessagesApiTests(VssBotFactory factory) : IClassFixture<VssBotFactory>
{
    [Fact]
    public async Task A_message_with_expectReplies_gets_the_bots_reply_in_the_response_body()
    {
        var response = await factory.CreateClient().PostActivityAsync(BotFrameworkClient.Message("c-hello", "xin chào"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var replies = body["activities"]!.ToList();
        Assert.All(replies, r => Assert.Equal("message", (string?)r["type"]));
        Assert.StartsWith("Xin chào! 👋 Mình là trợ lý VssID", (string?)replies[0]["text"]);
        var question = replies[^1];
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", (string?)question["text"]);
        var buttons = question["suggestedActions"]!["actions"]!.Select(a => (string?)a["title"]).ToList();
        Assert.Equal(["Đã cài rồi", "Chưa, hướng dẫn mình", "VssID là gì?"], buttons);
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("{}")]
    [InlineData("[1, 2, 3]")]
    public async Task A_body_that_is_not_an_activity_is_a_bad_request(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A client that starts its UTF-8 body with a byte order mark is read as a StreamReader would read it.</summary>
    [Fact]
    public async Task A_body_with_a_utf8_byte_order_mark_is_read()
    {
        var json = System.Text.Encoding.UTF8.GetBytes(BotFrameworkClient.Message("c-bom", "xin chào").ToString());
        var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. json]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await factory.CreateClient().PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unreachable_service_url_does_not_fail_the_request()
    {
        var activity = BotFrameworkClient.Message("c-unreachable", "xin chào", expectReplies: false, serviceUrl: "http://127.0.0.1:9");
        var response = await factory.CreateClient().PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"status {(int)response.StatusCode}");
    }
}

public sealed class ConcurrentTurnsTests : IDisposable
{
    private readonly VssBotFactory factory = new(null, testServices: s => s.AddSingleton<IBot, CountingBot>());

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Twenty_concurrent_messages_to_one_conversation_are_all_counted()
    {
        var client = factory.CreateClient();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.ReplyTextsAsync("c-race", "một"))));

        Assert.Equal(Enumerable.Range(1, 20), replies.Select(r => int.Parse(Assert.Single(r))).Order());
        Assert.Equal(["21"], await client.ReplyTextsAsync("c-race", "nữa"));
        Assert.Equal(0, factory.Services.GetRequiredService<ConversationTurnGate>().OpenGates);
    }

    [Fact]
    public async Task Conversations_do_not_wait_for_each_other_and_keep_their_own_state()
    {
        var client = factory.CreateClient();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.ReplyTextsAsync($"c-{i}", "một")));
        Assert.Equal(["2"], await client.ReplyTextsAsync("c-3", "hai"));
    }

    [Fact]
    public async Task Conversation_state_survives_a_restart_on_the_same_database()
    {
        Assert.Equal(["1"], await factory.CreateClient().ReplyTextsAsync("c-restart", "một"));

        using var restarted = new VssBotFactory(factory.DatabasePath, testServices: s => s.AddSingleton<IBot, CountingBot>());
        Assert.Equal(["2"], await restarted.CreateClient().ReplyTextsAsync("c-restart", "hai"));
    }

    [Fact]
    public async Task A_failing_turn_apologises_in_Vietnamese_and_resets_the_conversation()
    {
        var client = factory.CreateClient();
        await client.ReplyTextsAsync("c-broken", "một");

        var replies = await client.ReplyTextsAsync("c-broken", CountingBot.Fail);

        Assert.StartsWith("Xin lỗi, mình gặp trục trặc", Assert.Single(replies.Except(["2"])));
        Assert.Equal(["1"], await client.ReplyTextsAsync("c-broken", "lại"));
    }
}

public sealed class AuthenticationTests : IDisposable
{
    private readonly VssBotFactory factory = new(null, new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    });

    public void Dispose() => factory.Dispose();

    [Fact]
    public void An_app_id_without_a_password_stops_the_host_at_start_up()
    {
        using var incomplete = new VssBotFactory(null, new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001" });
        var error = Assert.ThrowsAny<Exception>(() => incomplete.CreateClient());
        Assert.Contains("MicrosoftAppPassword", error.ToString());
    }

    [Fact]
    public async Task With_an_app_id_a_post_without_a_token_is_unauthorized()
    {
        var response = await factory.CreateClient().PostActivityAsync(BotFrameworkClient.Message("c-auth", "xin chào"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
