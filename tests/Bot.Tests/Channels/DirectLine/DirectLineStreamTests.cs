using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Newtonsoft.Json.Linq;

namespace VssBot.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineStreamTests : IDisposable
{
    private readonly VssBotFactory factory = DirectLineClient.NewFactory();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_stream_pushes_the_greeting_then_the_echo_and_the_reply_with_watermarks()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await ConnectAsync(conversation.StreamUrl, timeout.Token);

        var greeting = await ReceiveAsync(socket, timeout.Token);
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", greeting.Texts().Last());

        await client.PostMessageAsync(conversation.ConversationId, conversation.Token, "Đã cài rồi", clientActivityId: "ws-1");
        var received = new List<JToken>();
        var watermark = (string)greeting["watermark"]!;
        while (!received.Any(a => (string?)a["from"]?["role"] == "bot"))
        {
            var set = await ReceiveAsync(socket, timeout.Token);
            Assert.True(long.Parse((string)set["watermark"]!) > long.Parse(watermark));
            watermark = (string)set["watermark"]!;
            received.AddRange(set["activities"]!);
        }
        Assert.Equal("ws-1", (string?)received[0]["channelData"]!["clientActivityID"]);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task A_stream_url_opens_only_its_own_conversation()
    {
        var client = factory.CreateClient();
        var a = await client.StartAsync();
        var b = await client.StartAsync();
        var forged = b.StreamUrl.Replace(b.ConversationId, a.ConversationId);
        var sessionToken = a.StreamUrl.Replace(a.StreamUrl[(a.StreamUrl.IndexOf("t=") + 2)..], a.Token); // a conversation token is no stream token

        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(forged, CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(sessionToken, CancellationToken.None));
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl, CancellationToken cancellationToken)
    {
        var url = new Uri(streamUrl);
        return await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(factory.Server.BaseAddress, url.PathAndQuery), cancellationToken);
    }

    private static Task<JObject> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken) => DirectLineClient.ReceiveSetAsync(socket, cancellationToken);
}
