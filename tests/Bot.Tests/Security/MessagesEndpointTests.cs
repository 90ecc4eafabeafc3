using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Tests.Channels.BotFramework;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, rows 2, 3 and 11: /api/messages without MicrosoftAppId, addressing our own channels, serviceUrl, malformed input.</summary>
public sealed class MessagesEndpointTests(VssBotFactory factory) : IClassFixture<VssBotFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Without_an_app_id_a_caller_from_another_address_gets_401_and_no_reply()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(VssBotFactory.RemoteAddressHeader, "203.0.113.9");

        var response = await client.PostActivityAsync(BotFrameworkClient.Message("c-remote", "xin chào"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("VssID", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("facebook")]
    [InlineData("directline")]
    [InlineData("zalo")]
    [InlineData("FaceBook")]
    public async Task Users_of_our_own_channels_cannot_be_addressed_through_api_messages(string channelId)
    {
        var activity = BotFrameworkClient.Message("c-spoof-" + channelId, "xin chào");
        activity["channelId"] = channelId;
        activity["from"] = new JObject { ["id"] = "psid-of-a-messenger-student" };

        var response = await factory.CreateClient().PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("activities", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/")]
    [InlineData("https://attacker.example/")]
    [InlineData("http://10.0.0.5:8080/")]
    public async Task Without_an_app_id_replies_are_never_sent_to_a_service_url_off_this_machine(string serviceUrl)
    {
        var response = await factory.CreateClient().PostActivityAsync(BotFrameworkClient.Message("c-ssrf", "xin chào", expectReplies: false, serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // expectReplies never posts anywhere: the same address is fine then.
        var inBody = await factory.CreateClient().PostActivityAsync(BotFrameworkClient.Message("c-ssrf", "xin chào", expectReplies: true, serviceUrl: serviceUrl));
        Assert.Equal(HttpStatusCode.OK, inBody.StatusCode);
    }

    public static TheoryData<string> MalformedActivities() => new()
    {
        """{"type":"message","channelId":"emulator","conversation":{"id":"c"},"from":{"id":"u"},"text":"hi","deliveryMode":"expectReplies"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"not a url","conversation":{"id":"c"},"from":{"id":"u"},"text":"hi"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"ftp://localhost/","conversation":{"id":"c"},"from":{"id":"u"},"text":"hi"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"http://localhost","conversation":"c","from":{"id":"u"},"text":"hi"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"http://localhost","conversation":{"id":"c"},"from":null,"text":"hi"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"http://localhost","conversation":{"id":"c"},"from":{"id":"u"},"timestamp":"99999999999999999999"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"http://localhost","conversation":{"id":"c"},"from":{"id":"u"},"attachments":{"a":1}}""",
        """{"type":"message",}""",
        // Identifiers that would forge log lines or bloat storage keys.
        """{"type":"message","id":"a\nINFO forged line","channelId":"emulator","serviceUrl":"http://localhost","conversation":{"id":"c"},"from":{"id":"u"},"text":"hi"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"http://localhost","conversation":{"id":"c\u001b[31m"},"from":{"id":"u"},"text":"hi"}""",
        """{"type":"message","channelId":"emulator","serviceUrl":"http://localhost","conversation":{"id":"c"},"from":{"id":"u\r\n"},"text":"hi"}""",
        $$"""{"type":"message","channelId":"emulator","serviceUrl":"http://localhost","conversation":{"id":"{{new string('c', 1100)}}"},"from":{"id":"u"},"text":"hi"}""",
        "\"just a string\"",
        "null",
    };

    [Theory]
    [MemberData(nameof(MalformedActivities))]
    public async Task A_malformed_activity_is_a_400_with_problem_details_not_a_500(string body)
    {
        var response = await factory.CreateClient().PostAsync("/api/messages", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_on_the_bytes_received()
    {
        var activity = BotFrameworkClient.Message("c-big", new string('a', 300 * 1024));
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity.ToString())));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}

public sealed class AuthenticatedMessagesEndpointTests : IDisposable
{
    private readonly VssBotFactory factory = new(null, new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    });

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")]
    public async Task With_an_app_id_a_malformed_or_unsigned_token_is_401_not_500(string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(BotFrameworkClient.Message("c-token", "xin chào").ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
