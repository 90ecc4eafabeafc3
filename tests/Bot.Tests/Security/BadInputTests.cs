using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VssBot.Bot.Tests.Channels.DirectLine;
using VssBot.Bot.Tests.Channels.Messenger;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, row 11: requests that gave a 500 with a stack trace get a 4xx, with problem details where the protocol allows.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly VssBotFactory factory = DirectLineClient.NewFactory();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("....")]
    [InlineData("a.b.")]
    [InlineData("eyJ9.eyJ9.AAAA")]
    public async Task A_malformed_direct_line_token_is_refused_not_a_500(string token)
    {
        var client = factory.CreateClient();
        foreach (var path in new[] { "/v3/directline/conversations", "/v3/directline/tokens/refresh", "/v3/directline/conversations/x/activities" })
        {
            var response = await client.SendAsync(HttpMethod.Post, path, token, DirectLineClient.Json(new() { ["type"] = "message", ["text"] = "hi" }));
            Assert.True((int)response.StatusCode is 401 or 403, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("AAAA")]
    [InlineData("%%%")]
    [InlineData("-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_")]
    public async Task An_attachment_link_with_a_bad_signature_is_a_404(string sig)
    {
        var response = await factory.CreateClient().GetAsync($"/v3/directline/attachments/conv1/abc.jpg?sig={sig}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_multipart_upload_without_a_boundary_is_a_400()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload", conversation.Token, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }
}

public sealed class WebhookBadInputTests : IDisposable
{
    private readonly MessengerHost messenger = new();

    public void Dispose() => messenger.Dispose();

    [Theory]
    [InlineData("""{"object":"page","entry":[null]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","time":1,"messaging":[null]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"u1"},"recipient":{"id":"p"},"timestamp":9223372036854775807,"message":{"mid":"m1","text":"hi"}}]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"u1"},"recipient":{"id":"p"},"timestamp":-5,"message":{"mid":"m2","text":"hi"}}]}]}""")]
    public async Task A_signed_messenger_body_with_nulls_or_an_impossible_timestamp_is_acknowledged_not_a_500(string body)
    {
        var response = await messenger.PostAsync(body);
        Assert.True((int)response.StatusCode is 200 or 400, $"status {(int)response.StatusCode}");
        await messenger.IdleAsync();
    }
}
