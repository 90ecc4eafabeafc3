using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Channels.Zalo;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VssBot.Bot.Tests.Channels.Zalo;

/// <summary>
/// A user the window store has no row for (written before windows were kept, or the row was lost): the window asks Zalo
/// (stand-in <c>POST /v3.0/oa/quota/message</c>) when the user last interacted, keeps the answer, and sends or refuses by it.
/// </summary>
public sealed class ZaloLastInteractionTests
{
    private const string User = "5550001112223334445";
    private const string QuotaPath = "/v3.0/oa/quota/message";

    private static ConversationReference Reference() => new()
    {
        ChannelId = ZaloMapper.ChannelId,
        ServiceUrl = "https://oa.zalo.me/",
        Conversation = new ConversationAccount(id: User),
        User = new ChannelAccount(User),
        Bot = new ChannelAccount("579745863508352884", role: RoleTypes.Bot),
    };

    private static void AnswerQuota(ZaloHost host, object lastInteraction) =>
        host.Api.Given(Request.Create().WithPath(QuotaPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = 0, message = "Success", data = new { last_interaction = lastInteraction } }));

    private static Task<ProactiveResult> SendAsync(ZaloHost host) =>
        host.Factory.Services.GetRequiredService<IStudentMessenger>().ContinueAsync(Reference(),
            (context, ct) => context.SendActivityAsync(MessageFactory.Text("⏰ Nhắc bạn"), ct), default);

    [Fact]
    public async Task An_interaction_zalo_reports_inside_the_window_lets_the_message_go_and_is_kept_in_the_store()
    {
        using var host = new ZaloHost();
        var interacted = host.Clock.GetUtcNow().AddHours(-5);
        AnswerQuota(host, interacted.ToUnixTimeMilliseconds().ToString());

        var result = await SendAsync(host);

        Assert.True(result.IsDelivered, result.ToString());
        var quota = Assert.Single(host.Calls(QuotaPath)).RequestMessage!;
        Assert.Equal(User, (string?)JsonNode.Parse(quota.Body!)!["user_id"]);
        Assert.Equal(ZaloHost.AccessToken, quota.Headers!["access_token"].Single());
        Assert.Equal("⏰ Nhắc bạn", (string?)Assert.Single(host.Sent())["message"]!["text"]);
        var store = host.Factory.Services.GetRequiredService<IReplyWindowStore>();
        Assert.Equal(interacted.ToUnixTimeMilliseconds(), (await store.LastWroteAsync(ZaloMapper.ChannelId, User, default))!.Value.ToUnixTimeMilliseconds());

        await SendAsync(host); // known now: Zalo is not asked again
        Assert.Single(host.Calls(QuotaPath));
    }

    [Fact]
    public async Task An_interaction_older_than_the_window_is_outside_it_and_nothing_is_sent()
    {
        using var host = new ZaloHost();
        AnswerQuota(host, host.Clock.GetUtcNow().AddDays(-3).ToUnixTimeMilliseconds());

        var result = await SendAsync(host);

        Assert.Equal(ProactiveDelivery.OutsideWindow, result.Delivery);
        Assert.Empty(host.Sent());
        Assert.Single(host.Calls(QuotaPath));
    }

    [Fact]
    public async Task When_zalo_says_the_token_expired_it_is_refreshed_and_the_quota_read_again()
    {
        using var host = new ZaloHost();
        host.Api.Given(Request.Create().WithPath(QuotaPath).UsingPost().WithHeader("access_token", ZaloHost.AccessToken)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = -220, message = "Access token has expired" }));
        host.Api.Given(Request.Create().WithPath(QuotaPath).UsingPost().WithHeader("access_token", "oa-access-token-2")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = 0, data = new { last_interaction = host.Clock.GetUtcNow().AddHours(-1).ToUnixTimeMilliseconds() } }));
        host.Api.Given(Request.Create().WithPath(ZaloHost.OAuthPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "oa-access-token-2", refresh_token = "oa-refresh-token-2", expires_in = "90000" }));

        Assert.True((await SendAsync(host)).IsDelivered);
        Assert.Equal(2, host.Calls(QuotaPath).Count);
        Assert.Single(host.Calls(ZaloHost.OAuthPath));
    }

    [Fact]
    public async Task No_answer_from_zalo_means_unknown_and_the_window_counts_as_closed()
    {
        using var host = new ZaloHost();
        host.Api.Given(Request.Create().WithPath(QuotaPath).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { error = -32, message = "No permission" }));

        Assert.Equal(ProactiveDelivery.OutsideWindow, (await SendAsync(host)).Delivery);
        Assert.Empty(host.Sent());
        Assert.Null(await host.Factory.Services.GetRequiredService<IReplyWindowStore>().LastWroteAsync(ZaloMapper.ChannelId, User, default));
    }

    [Theory]
    [InlineData("1764579600000", "2025-12-01T09:00:00Z")]
    [InlineData("1764579600", "2025-12-01T09:00:00Z")]
    [InlineData("\"1764579600000\"", "2025-12-01T09:00:00Z")]
    [InlineData("\"2025-12-01T16:00:00+07:00\"", "2025-12-01T09:00:00Z")]
    public void Last_interaction_is_read_as_epoch_milliseconds_seconds_or_a_date_time(string json, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), ZaloLastInteraction.Parse(JsonDocument.Parse(json).RootElement));

    [Theory]
    [InlineData("null")] [InlineData("\"hôm qua\"")] [InlineData("0")] [InlineData("{}")]
    public void Anything_else_is_unknown(string json) => Assert.Null(ZaloLastInteraction.Parse(JsonDocument.Parse(json).RootElement));
}
