using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Channels.DirectLine;
using VssBot.Bot.Tests.Channels.DirectLine;

using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Privacy;

/// <summary>
/// Issue 10, row 4: the Direct Line store (activity log with its WAL, uploaded images) holds no personal data in clear,
/// and its files are owner-only. The values go in through the real endpoints; the test reads the raw bytes.
/// </summary>
public sealed class DirectLineAtRestTests : IDisposable
{
    private readonly string database = VssBotFactory.NewDatabasePath();
    private readonly string dataFolder = DirectLineClient.NewDataFolder();

    public void Dispose()
    {
        SqlitePools.Release(database);
        SqlitePools.ReleaseFolder(dataFolder);
        if (Directory.Exists(dataFolder))
            Directory.Delete(dataFolder, recursive: true);
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            File.Delete(file);
    }

    /// <summary>The values as the student typed them and as the bot repeats them in its summary.</summary>
    private static readonly string[] PersonalValues =
    [
        "Phạm Thu Hà", "0113099841", "036 303 012 345", "036303012345", "ha.pham@gmail.com", "0912 345 678", "0912345678", "tran hung dao",
    ];

    private const string PhotoMarker = "CCCD 036303012345 PHAM THU HA";

    [Fact]
    public async Task A_declaration_over_direct_line_leaves_no_personal_value_in_the_log_its_wal_or_the_uploads()
    {
        using var factory = DirectLineClient.NewFactory(database, dataFolder);
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        var confirmation = await HappyPath.DeclareAsync(text => SayAsync(client, conversation, text));
        Assert.Contains(confirmation, t => t.Contains("Đã ghi nhận tờ khai"));
        var upload = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload",
            conversation.Token, Upload(PhotoWithText()));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        // Through the API everything reads back: the summary with the phone, the photo byte for byte.
        var history = await AllActivitiesAsync(client, conversation);
        Assert.Contains(history.Texts(), t => t.Contains("0912345678"));
        var link = new Uri((string)history["activities"]!.Last(a => a["attachments"] is JArray { Count: > 0 } && (string?)a["from"]?["role"] == "user")["attachments"]![0]!["contentUrl"]!);
        Assert.Equal(PhotoWithText(), await client.GetByteArrayAsync(link.PathAndQuery));

        // At rest, none of it is in clear, and only the service's user can read the files.
        var log = Path.Combine(dataFolder, "conversations.db");
        var uploads = Directory.GetFiles(Path.Combine(dataFolder, "uploads"), "*", SearchOption.AllDirectories);
        Assert.Single(uploads);
        // The WAL is read when it exists: when the last connection closes, SQLite checkpoints it into the log and
        // deletes it, so its absence is not a failure.
        var raw = RawFiles.Text(new[] { log, log + "-wal" }.Concat(uploads));
        foreach (var value in PersonalValues.Append(PhotoMarker))
            Assert.DoesNotContain(value, raw);
        foreach (var file in new[] { log, log + "-wal", log + "-shm" }.Where(File.Exists).Concat(uploads))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(uploads[0])!));
    }

    [Fact]
    public async Task Rows_and_photos_an_older_version_stored_in_clear_are_encrypted_at_start_and_still_read_back()
    {
        string conversationId, token;
        using (var first = DirectLineClient.NewFactory(database, dataFolder))
        {
            var client = first.CreateClient();
            var conversation = await client.StartAsync();
            (conversationId, token) = (conversation.ConversationId, conversation.Token);
            await client.PostMessageAsync(conversationId, token, "0912 345 678");
        }
        // What an older version wrote: the activity JSON in clear, the photo as plain bytes.
        var log = Path.Combine(dataFolder, "conversations.db");
        var photo = Path.Combine(dataFolder, "uploads", conversationId, $"{Guid.NewGuid():N}.png");
        using (var connection = new SqliteConnection($"Data Source={log}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO dl_activities (conversation_id, seq, json) VALUES ($id, 99, $json);
                UPDATE dl_conversations SET user_id = 'dl_student-legacy' WHERE id = $id;
                """;
            command.Parameters.AddWithValue("$id", conversationId);
            command.Parameters.AddWithValue("$json", new JObject
            {
                ["type"] = "message", ["id"] = $"{conversationId}|0000099", ["text"] = "ha.pham@gmail.com",
                ["from"] = new JObject { ["id"] = "dl_student-legacy", ["role"] = "user" },
                ["conversation"] = new JObject { ["id"] = conversationId },
            }.ToString());
            command.ExecuteNonQuery();
        }
        SqlitePools.Release(log);
        Directory.CreateDirectory(Path.GetDirectoryName(photo)!);
        await File.WriteAllBytesAsync(photo, PhotoWithText());

        using var restarted = DirectLineClient.NewFactory(database, dataFolder);
        var history = await AllActivitiesAsync(restarted.CreateClient(), new DirectLineConversation(conversationId, token, ""));

        Assert.Contains("ha.pham@gmail.com", history.Texts("user"));
        var stored = await restarted.Services.GetRequiredService<AttachmentStore>()
            .ReadAsync(conversationId, Path.GetFileName(photo), Sign(restarted, conversationId, Path.GetFileName(photo)), CancellationToken.None);
        Assert.Equal(PhotoWithText(), stored!.Content);
        SqlitePools.Release(log);
        var raw = RawFiles.Text([log, log + "-wal", photo]);
        foreach (var value in new[] { "ha.pham@gmail.com", "0912 345 678", "dl_student-legacy", PhotoMarker })
            Assert.DoesNotContain(value, raw);
    }

    private static string Sign(VssBotFactory factory, string conversationId, string file) =>
        factory.Services.GetRequiredService<DirectLineTokens>().SignValue("attachment", $"{conversationId}/{file}");

    /// <summary>Posts <paramref name="text"/> and returns the bot's replies to it (the turn runs before the POST answers).</summary>
    private static async Task<IReadOnlyList<string>> SayAsync(HttpClient client, DirectLineConversation conversation, string text)
    {
        var before = (string?)(await client.ActivitiesAsync(conversation))["watermark"];
        Assert.Equal(HttpStatusCode.OK, (await client.PostMessageAsync(conversation.ConversationId, conversation.Token, text)).StatusCode);
        return [.. (await client.ActivitiesAsync(conversation, before)).Texts()];
    }

    /// <summary>Every activity of the conversation (the log pages 200 at a time).</summary>
    private static async Task<JObject> AllActivitiesAsync(HttpClient client, DirectLineConversation conversation)
    {
        var all = new JArray();
        string? watermark = null;
        while (true)
        {
            var page = await client.ActivitiesAsync(conversation, watermark);
            var activities = (JArray)page["activities"]!;
            if (activities.Count == 0)
                return new JObject { ["activities"] = all };
            foreach (var activity in activities)
                all.Add(activity);
            watermark = (string?)page["watermark"];
        }
    }

    /// <summary>A valid 1×1 PNG followed by text, as a photo of an ID card carries the printed number.</summary>
    private static byte[] PhotoWithText() =>
    [
        .. Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
        .. Encoding.UTF8.GetBytes(PhotoMarker),
    ];

    private static MultipartFormDataContent Upload(byte[] file)
    {
        var activity = new StringContent("""{"type":"message","from":{"id":"x"}}""");
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        var image = new ByteArrayContent(file);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { activity, "activity", "blob" }, { image, "file", "cccd.png" } };
    }
}
