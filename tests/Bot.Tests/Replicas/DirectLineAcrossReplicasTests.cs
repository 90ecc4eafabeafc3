using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Npgsql;
using VssBot.Bot.Storage.Notifications;
using VssBot.Bot.Tests.Channels.DirectLine;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Replicas;

/// <summary>
/// The web widget without session affinity: two replicas on one PostgreSQL, the conversation started and its WebSocket
/// stream opened on replica A, the student's message and photo posted to replica B. The reply B's turn writes reaches the
/// stream on A through NOTIFY (the streams' own re-read is set to an hour here, so only the notification can deliver it
/// within the test), polling on A with the watermark shows the same activities, and the photo's link opens on A.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DirectLineAcrossReplicasTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private string connectionString = "";
    private VssBotFactory a = null!;
    private VssBotFactory b = null!;

    public async Task InitializeAsync()
    {
        connectionString = await server.CreateDatabaseAsync();
        a = Replica();
        b = Replica();
        await a.Services.GetRequiredService<PostgresChangeNotifications>().Listening;
        await b.Services.GetRequiredService<PostgresChangeNotifications>().Listening;
    }

    public Task DisposeAsync()
    {
        a.Dispose();
        b.Dispose();
        return Task.CompletedTask;
    }

    private VssBotFactory Replica()
    {
        var replica = DirectLineClient.NewFactory(settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = connectionString,
            ["DataProtection:Key"] = TestKeys.Base64,
            ["DirectLine:SigningKey"] = Convert.ToBase64String(TestKeys.OtherKey), // shared by configuration
            ["DirectLine:StreamRereadInterval"] = "01:00:00",
        });
        replica.CreateClient().Dispose(); // started: the listener runs
        return replica;
    }

    [Fact]
    public async Task A_reply_to_a_message_posted_on_replica_B_reaches_the_stream_and_the_polling_on_replica_A()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        var conversation = await onA.StartAsync();
        using var socket = await a.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri(a.Server.BaseAddress, new Uri(conversation.StreamUrl).PathAndQuery), timeout.Token);
        var greeting = await DirectLineClient.ReceiveSetAsync(socket, timeout.Token);
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", greeting.Texts().Last());
        var afterGreeting = (string)greeting["watermark"]!;

        var posted = await onB.PostMessageAsync(conversation.ConversationId, conversation.Token, "Đã cài rồi", clientActivityId: "from-b");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var streamed = new List<JToken>();
        while (!streamed.Any(x => (string?)x["from"]?["role"] == "bot"))
            streamed.AddRange((await DirectLineClient.ReceiveSetAsync(socket, timeout.Token))["activities"]!);
        Assert.Equal("from-b", (string?)streamed[0]["channelData"]!["clientActivityID"]);
        Assert.Equal("Đã cài rồi", (string?)streamed[0]["text"]);
        var polled = await onA.ActivitiesAsync(conversation, afterGreeting);
        Assert.Equal(streamed.Select(x => (string?)x["id"]), polled["activities"]!.Take(streamed.Count).Select(x => (string?)x["id"]));
        Assert.NotEmpty(polled.Texts());
        Assert.Equal(polled.Texts(), (await onB.ActivitiesAsync(conversation, afterGreeting)).Texts());

        // The ID photo uploaded through B opens from A (encrypted bytea in the shared table).
        var image = new ByteArrayContent(Png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var upload = await onB.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload",
            conversation.Token, new MultipartFormDataContent { { image, "file", "cccd.png" } });
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var withPhoto = (await onA.ActivitiesAsync(conversation, (string)polled["watermark"]!))["activities"]!
            .First(x => x["attachments"] is JArray { Count: > 0 });
        var link = new Uri((string)withPhoto["attachments"]![0]!["contentUrl"]!);
        var photo = await onA.GetAsync(link.PathAndQuery, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync(timeout.Token));
        Assert.DoesNotContain(await StoredUploadsAsync(), stored => stored.AsSpan().IndexOf("IHDR"u8) >= 0);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    private async Task<List<byte[]>> StoredUploadsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT content FROM dl_uploads", connection);
        var rows = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((byte[])reader[0]);
        Assert.NotEmpty(rows);
        return rows;
    }
}
