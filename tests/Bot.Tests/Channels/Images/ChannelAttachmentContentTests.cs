using System.Net;
using System.Net.Http.Headers;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Channels.DirectLine;
using VssBot.Bot.Channels.Images;
using VssBot.Bot.Tests.Channels.DirectLine;
using VssBot.Dialogs.Form01.IdCard;
using VssBot.Dialogs.Tests.IdCard;

namespace VssBot.Bot.Tests.Channels.Images;

public class ChannelAttachmentContentTests
{
    [Fact]
    public async Task A_card_photo_uploaded_in_the_widget_is_read_and_its_values_offered()
    {
        using var factory = DirectLineClient.NewFactory();
        var client = factory.CreateClient();
        var conversation = await client.StartAsync();
        foreach (var text in new[] { "xin chào", "đã cài rồi", "đồng ý" })
            (await client.PostMessageAsync(conversation.ConversationId, conversation.Token, text)).EnsureSuccessStatusCode();
        var card = CardPhotoGenerator.Card(new Random(14), IdCardKind.CanCuoc2024);
        var photo = CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(card), PhotoConditions.Clean with { RotationDegrees = -8 }, 14);

        var upload = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.ConversationId}/upload?userId=x",
            conversation.Token, Upload(photo, "the-back.jpg"));

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var replies = await TextsAsync(client, conversation);
        Assert.Contains(replies, r => r.Contains("Cách nhanh nhất: gửi một ảnh mặt thẻ có mã QR", StringComparison.Ordinal));
        Assert.Contains(replies, r => r.StartsWith($"Mình đọc được từ mã QR trên thẻ: Họ tên {card.FullName}, Số định danh {card.Number}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_https_links_of_the_allowed_hosts_are_fetched_and_redirects_are_checked_too()
    {
        var handler = new RecordingHandler(request => request.RequestUri!.Host switch
        {
            "scontent.xx.fbcdn.net" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) },
            "lookaside.fbsbx.com" => Redirect("http://169.254.169.254/latest/meta-data"),
            _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([9]) },
        });
        using var factory = DirectLineClient.NewFactory();
        var content = Content(factory, handler);

        Assert.Equal([1, 2, 3], (await content.ReadAsync(Image("https://scontent.xx.fbcdn.net/v/photo.jpg"), 100, default)).Bytes);
        Assert.Null((await content.ReadAsync(Image("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1"), 100, default)).Bytes);
        Assert.Null((await content.ReadAsync(Image("https://evil.example/x.jpg"), 100, default)).Bytes);
        Assert.Null((await content.ReadAsync(Image("http://scontent.xx.fbcdn.net/v/photo.jpg"), 100, default)).Bytes);
        Assert.Null((await content.ReadAsync(Image("https://fbcdn.net.evil.example/x.jpg"), 100, default)).Bytes);
        Assert.Equal(["scontent.xx.fbcdn.net", "lookaside.fbsbx.com"], handler.Hosts);
    }

    [Fact]
    public async Task An_image_over_the_limit_is_refused_without_reading_it_whole()
    {
        var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[5000]) });
        using var factory = DirectLineClient.NewFactory();

        var read = await Content(factory, handler).ReadAsync(Image("https://dlfl.zadn.vn/photo.jpg"), 1000, default);

        Assert.True(read.TooLarge);
        Assert.Null(read.Bytes);
    }

    [Fact]
    public async Task A_direct_line_link_with_a_wrong_signature_gives_nothing()
    {
        using var factory = DirectLineClient.NewFactory();
        var content = Content(factory, new RecordingHandler(_ => throw new InvalidOperationException("no network for uploads")));

        var read = await content.ReadAsync(Image("https://localhost/v3/directline/attachments/abc/0123456789abcdef0123456789abcdef.jpg?sig=AAAA"), 1000, default);

        Assert.Null(read.Bytes);
    }

    private static ChannelAttachmentContent Content(VssBotFactory factory, HttpMessageHandler handler)
        => new(factory.Services.GetRequiredService<AttachmentStore>(), new SingleClientFactory(handler), Options.Create(new ChannelImagesOptions()));

    private static Attachment Image(string url) => new("image/jpeg", url);

    private static HttpResponseMessage Redirect(string to)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(to);
        return response;
    }

    private static async Task<List<string>> TextsAsync(HttpClient client, DirectLineConversation conversation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var texts = (await client.ActivitiesAsync(conversation))["activities"]!.Select(a => (string?)a["text"] ?? "").ToList();
            if (texts.Any(t => t.StartsWith("Mình đọc được", StringComparison.Ordinal) || t.StartsWith("Mình chưa đọc", StringComparison.Ordinal))
                || DateTime.UtcNow > deadline)
                return texts;
            await Task.Delay(200);
        }
    }

    private static MultipartFormDataContent Upload(byte[] file, string name)
    {
        var activity = new StringContent("""{"type":"message","from":{"id":"x"},"channelData":{"clientActivityID":"upload-1"}}""");
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        var image = new ByteArrayContent(file);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { activity, "activity", "blob" }, { image, "file", name } };
    }

    private sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<string> Hosts { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Hosts.Add(request.RequestUri!.Host);
            return Task.FromResult(respond(request));
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
