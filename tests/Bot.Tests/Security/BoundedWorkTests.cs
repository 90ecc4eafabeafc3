using System.Net;
using System.Text;
using VssBot.Bot.Tests.Channels.BotFramework;
using VssBot.Bot.Tests.Channels.DirectLine;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Tests.Security;

/// <summary>
/// Issue 10, rows 5 and 8: a 100 KB message at every question of the form gets the polite "too long" reply at once and the
/// form still completes; Direct Line counts the bytes actually received. (CPU per message lives in the benchmarks.)
/// </summary>
public sealed class BoundedWorkTests(VssBotFactory factory) : IClassFixture<VssBotFactory>
{
    private const string TooLong = "Tin nhắn của bạn dài quá (hơn 2.000 ký tự)";

    [Fact]
    public async Task A_100_KB_message_at_every_question_is_answered_politely_and_the_form_still_completes()
    {
        var client = factory.CreateClient();
        var huge = string.Concat(Enumerable.Repeat("0912345678 Phạm Thu Hà ninh binh ", 100 * 1024 / 34 + 1));
        var replies = await HappyPath.DeclareAsync(async line =>
        {
            var refused = await client.ReplyTextsAsync("c-huge", huge);
            Assert.StartsWith(TooLong, Assert.Single(refused));
            return await client.ReplyTextsAsync("c-huge", line);
        });

        Assert.Contains(replies, r => r.Contains("Mã biên nhận", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_at_the_limit_is_read_as_usual()
    {
        var client = factory.CreateClient();
        await client.ReplyTextsAsync("c-limit", "xin chao");
        var replies = await client.ReplyTextsAsync("c-limit", "roi " + new string('a', MessageLengthLimit.MaxCharacters - 4));
        Assert.DoesNotContain(replies, r => r.StartsWith(TooLong, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Direct_line_refuses_a_chunked_activity_over_256_KB_and_answers_a_message_over_2000_characters_politely()
    {
        using var host = DirectLineClient.NewFactory();
        var client = host.CreateClient();
        var conversation = await client.StartAsync();
        var path = $"/v3/directline/conversations/{conversation.ConversationId}/activities";

        var big = new Newtonsoft.Json.Linq.JObject { ["type"] = "message", ["text"] = new string('a', 3 * 1024 * 1024) }.ToString();
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Bearer", conversation.Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(request)).StatusCode);

        (await client.PostMessageAsync(conversation.ConversationId, conversation.Token, new string('b', 3_000))).EnsureSuccessStatusCode();
        await Declarations.DeclarationHosts.EventuallyAsync(async () => (await client.ActivitiesAsync(conversation)).Texts().Any(t => t.StartsWith(TooLong, StringComparison.Ordinal)), "the polite reply");
        Assert.DoesNotContain((await client.ActivitiesAsync(conversation)).Texts("user"), t => t.Length > 3 * 1024 * 1024);
    }

    [Fact]
    public async Task Direct_line_answers_a_100_000_character_message_politely_and_keeps_only_the_limit_in_its_log()
    {
        using var host = DirectLineClient.NewFactory();
        var client = host.CreateClient();
        var conversation = await client.StartAsync();
        var watermark = (string?)(await client.ActivitiesAsync(conversation))["watermark"];

        var response = await client.PostMessageAsync(conversation.ConversationId, conversation.Token, new string('c', 100_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await client.ActivitiesAsync(conversation, watermark);
        Assert.StartsWith(TooLong, Assert.Single(after.Texts()), StringComparison.Ordinal);
        Assert.Equal(VssBot.Bot.Turns.MessageLengthLimit.MaxCharacters + 1, Assert.Single(after.Texts("user")).Length);
    }
}
