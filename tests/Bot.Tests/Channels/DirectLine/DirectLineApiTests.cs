using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace VssBot.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineApiTests : IDisposable
{
    private readonly MovableClock clock = new();
    private readonly VssBotFactory factory;

    public DirectLineApiTests()
    {
        factory = DirectLineClient.NewFactory(testServices: s => s.AddSingleton<TimeProvider>(clock));
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Starting_a_conversation_returns_a_token_a_stream_url_and_the_greeting()
    {
        var client = factory.CreateClient();
        var response = await client.PostAsync("/v3/directline/conversations", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        var conversationId = (string)body["conversationId"]!;
        Assert.InRange((int)body["expires_in"]!, 1700, 1800);
        Assert.StartsWith($"ws://localhost/v3/directline/conversations/{conversationId}/stream?t=", (string)body["streamUrl"]!);

        var set = await client.ActivitiesAsync(new(conversationId, (string)body["token"]!, ""));
        Assert.StartsWith("Xin chào! 👋", set.Texts().First());
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", set.Texts().Last());
        Assert.Equal(set["activities"]!.Count().ToString(), (string?)set["watermark"]);
    }

    [Fact]
    public async Task A_posted_message_is_echoed_as_the_tokens_user_with_its_channel_data_then_answered()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        var greeting = await client.ActivitiesAsync(conversation);

        var response = await client.PostMessageAsync(conversation.ConversationId, conversation.Token, "Đã cài rồi", clientActivityId: "client-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string)JObject.Parse(await response.Content.ReadAsStringAsync())["id"]!;
        var after = await client.ActivitiesAsync(conversation, (string?)greeting["watermark"]);
        var echo = after["activities"]!.First();
        Assert.Equal(id, (string?)echo["id"]);
        Assert.Equal("Đã cài rồi", (string?)echo["text"]);
        Assert.Equal("client-1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.StartsWith("dl_", (string?)echo["from"]!["id"]); // not "someone-else": the token decides who speaks
        Assert.Equal(UserOf(conversation.Token), (string?)echo["from"]!["id"]);
        Assert.Contains(after.Texts(), t => t.Contains("đồng ý", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_watermark_returns_only_what_came_after_it()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        var all = await client.ActivitiesAsync(conversation);
        var watermark = (string)all["watermark"]!;

        var none = await client.ActivitiesAsync(conversation, watermark);
        Assert.Empty(none["activities"]!);
        Assert.Equal(watermark, (string?)none["watermark"]);

        await client.PostMessageAsync(conversation.ConversationId, conversation.Token, "VssID là gì?");
        var newer = await client.ActivitiesAsync(conversation, watermark);
        Assert.Equal("VssID là gì?", (string?)newer["activities"]!.First()["text"]);
        Assert.True(long.Parse((string)newer["watermark"]!) > long.Parse(watermark));
    }

    [Fact]
    public async Task A_token_for_one_conversation_can_never_read_or_post_to_another()
    {
        var client = factory.CreateClient();
        var a = await client.StartAsync();
        var b = await client.StartAsync();
        var before = await client.ActivitiesAsync(b);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetActivitiesAsync(b.ConversationId, a.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostMessageAsync(b.ConversationId, a.Token, "chen ngang")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{b.ConversationId}", a.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{b.ConversationId}/upload",
            a.Token, new MultipartFormDataContent())).StatusCode);
        // A's token on POST /conversations reopens A, never B.
        Assert.Equal(a.ConversationId, (await client.StartAsync(a.Token)).ConversationId);

        var after = await client.ActivitiesAsync(b);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("not-a-token", HttpStatusCode.Forbidden)]
    [InlineData("tampered", HttpStatusCode.Forbidden)]
    public async Task A_missing_or_forged_token_is_refused(string? token, HttpStatusCode expected)
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        if (token == "tampered")
        {
            var parts = conversation.Token.Split('.');
            var payload = Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1]))).Replace(conversation.ConversationId, "x" + conversation.ConversationId[1..]);
            token = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        }
        Assert.Equal(expected, (await client.GetActivitiesAsync(conversation.ConversationId, token)).StatusCode);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_unless_refreshed_in_time()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();

        clock.Advance(TimeSpan.FromMinutes(20));
        var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = (string)JObject.Parse(await refresh.Content.ReadAsStringAsync())["token"]!;

        clock.Advance(TimeSpan.FromMinutes(11)); // 31 minutes after the first token: expired; the refreshed one is not
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", conversation.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetActivitiesAsync(conversation.ConversationId, refreshed)).StatusCode);
    }

    [Fact]
    public async Task Reconnecting_gives_a_new_stream_url_from_the_watermark()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();

        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.ConversationId}?watermark=2", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(conversation.ConversationId, (string?)body["conversationId"]);
        Assert.Contains("/stream?watermark=2&t=", (string)body["streamUrl"]!);
    }

    [Fact]
    public async Task A_generated_token_starts_its_own_conversation()
    {
        var client = factory.CreateClient();
        var generated = JObject.Parse(await (await client.PostAsync("/v3/directline/tokens/generate", null)).Content.ReadAsStringAsync());

        var conversation = await client.StartAsync((string)generated["token"]!);

        Assert.Equal((string?)generated["conversationId"], conversation.ConversationId);
        Assert.NotEmpty((await client.ActivitiesAsync(conversation)).Texts());
    }

    [Fact]
    public async Task With_a_secret_only_its_holder_gets_tokens_or_starts_conversations()
    {
        using var secured = DirectLineClient.NewFactory(settings: new Dictionary<string, string?> { ["DirectLine:Secret"] = "school-secret-123" });
        var client = secured.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/v3/directline/tokens/generate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/v3/directline/conversations", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "wrong-secret")).StatusCode);

        var generate = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "school-secret-123",
            DirectLineClient.Json(new JObject { ["user"] = new JObject { ["id"] = "student-42" } }));
        Assert.Equal(HttpStatusCode.OK, generate.StatusCode);
        var token = (string)JObject.Parse(await generate.Content.ReadAsStringAsync())["token"]!;
        Assert.Equal("student-42", UserOf(token));
        Assert.NotEmpty((await client.ActivitiesAsync(await client.StartAsync(token))).Texts());
    }

    [Fact]
    public async Task An_uploaded_photo_reaches_the_bot_and_is_served_back_only_through_its_signed_link()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        var watermark = (string)(await client.ActivitiesAsync(conversation))["watermark"]!;

        var upload = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload?userId=x",
            conversation.Token, Upload(Png, "image/png", "cccd-mat-truoc.png"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var echo = (await client.ActivitiesAsync(conversation, watermark))["activities"]!.First();
        var attachment = echo["attachments"]!.Single();
        Assert.Equal("image/png", (string?)attachment["contentType"]);
        Assert.Equal("cccd-mat-truoc.png", (string?)attachment["name"]);
        Assert.Equal("upload-1", (string?)echo["channelData"]!["clientActivityID"]);

        var url = new Uri((string)attachment["contentUrl"]!);
        var image = await client.GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url.AbsolutePath + "?sig=AAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url.AbsolutePath)).StatusCode);
    }

    [Fact]
    public async Task An_upload_that_is_not_an_image_is_refused_whatever_type_it_claims()
    {
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();

        var upload = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload?userId=x",
            conversation.Token, Upload("<script>alert(1)</script>"u8.ToArray(), "image/png", "x.png"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
    }

    [Fact]
    public async Task History_and_tokens_survive_a_restart_of_the_host()
    {
        var dataFolder = DirectLineClient.NewDataFolder();
        using var first = DirectLineClient.NewFactory(dataFolder: dataFolder);
        var conversation = await first.CreateClient().StartAsync();
        await first.CreateClient().PostMessageAsync(conversation.ConversationId, conversation.Token, "Đã cài rồi");
        var before = await first.CreateClient().ActivitiesAsync(conversation);

        using var restarted = DirectLineClient.NewFactory(first.DatabasePath, dataFolder);
        var after = await restarted.CreateClient().ActivitiesAsync(conversation);

        Assert.Equal(before.ToString(), after.ToString());
    }

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static MultipartFormDataContent Upload(byte[] file, string contentType, string name)
    {
        var activity = new StringContent("""{"type":"message","from":{"id":"x"},"channelData":{"clientActivityID":"upload-1"}}""");
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        var image = new ByteArrayContent(file);
        image.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { activity, "activity", "blob" }, { image, "file", name } };
    }

    private static string UserOf(string token) =>
        (string)JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(token.Split('.')[1]))))["user"]!;

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}
