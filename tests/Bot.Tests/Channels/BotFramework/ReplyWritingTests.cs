using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Channels.BotFramework;

namespace VssBot.Bot.Tests.Channels.BotFramework;

/// <summary>The replies of /api/messages are written compact, with the same JSON values as Bot Framework's own writer.</summary>
public sealed class ReplyWritingTests
{
    [Fact]
    public async Task Expected_replies_carry_the_same_json_values_as_bot_frameworks_writer_in_fewer_bytes()
    {
        var question = (Activity)MessageFactory.SuggestedActions(new List<string> { "Đã cài rồi", "Chưa, hướng dẫn mình" },
            "Bạn đã cài ứng dụng VssID chưa? \"VssID\" <b>&</b> 👋", null, null, null);
        question.Timestamp = new DateTimeOffset(2026, 12, 2, 7, 30, 0, TimeSpan.FromHours(7));
        question.Entities = [new Entity("mention") { Properties = JObject.FromObject(new { text = "Hoa", n = 1 }) }];
        question.Attachments = [new Attachment("image/png", "https://example.test/a.png", name: "mặt trước")];
        var response = new InvokeResponse { Status = 200, Body = new ExpectedReplies([(Activity)MessageFactory.Text("Xin chào!"), question]) };

        var (ours, oursType) = await WriteAsync(r => MessagesAdapter.WriteResponseAsync(r, response, CancellationToken.None));
        var (theirs, _) = await WriteAsync(r => HttpHelper.WriteResponseAsync(r, response));

        Assert.True(JToken.DeepEquals(JToken.Parse(theirs), JToken.Parse(ours)), ours);
        Assert.True(ours.Length < theirs.Length, $"{ours.Length} vs {theirs.Length} characters");
        Assert.StartsWith("application/json", oursType);
    }

    [Fact]
    public async Task No_invoke_response_is_an_empty_200_and_a_status_without_body_is_kept()
    {
        var (empty, _) = await WriteAsync(r => MessagesAdapter.WriteResponseAsync(r, null, CancellationToken.None), expectStatus: 200);
        Assert.Equal("", empty);
        var (none, _) = await WriteAsync(r => MessagesAdapter.WriteResponseAsync(r, new InvokeResponse { Status = 501 }, CancellationToken.None), expectStatus: 501);
        Assert.Equal("", none);
    }

    private static async Task<(string Body, string? ContentType)> WriteAsync(Func<HttpResponse, Task> write, int expectStatus = 200)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await write(context.Response);
        Assert.Equal(expectStatus, context.Response.StatusCode);
        return (System.Text.Encoding.UTF8.GetString(body.ToArray()), context.Response.ContentType);
    }
}
