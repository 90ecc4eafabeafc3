using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Zalo;
using VssBot.Bot.Channels.Zalo.Events;

namespace VssBot.Bot.Tests.Channels.Zalo;

public sealed class ZaloMapperTests
{
    private static ZaloWebhookEvent Event(string payload) => JsonSerializer.Deserialize(ZaloHost.Payload(payload), ZaloJsonContext.Default.ZaloWebhookEvent)!;

    [Fact]
    public void A_text_becomes_a_zalo_message_from_the_user_to_the_oa()
    {
        var activity = ZaloMapper.ToActivity(Event("user-send-text.json"))!;

        Assert.Equal((ActivityTypes.Message, "zalo", "Xin chào ạ", "a1f3c7c15e2b0e6b5705"), (activity.Type, activity.ChannelId, activity.Text, activity.Id));
        Assert.Equal(("2468458835296117922", "2468458835296117922", "579745863508352884"), (activity.Conversation.Id, activity.From.Id, activity.Recipient.Id));
    }

    [Fact]
    public void An_image_keeps_its_caption_and_a_follow_is_a_member_added()
    {
        var image = ZaloMapper.ToActivity(Event("user-send-image.json"))!;
        var follow = ZaloMapper.ToActivity(Event("follow.json"))!;

        Assert.Equal("Ảnh mặt trước CCCD", image.Text);
        Assert.Equal(("image/jpeg", "https://s120-ava-talk.zadn.vn/2/c/9/a/cccd-truoc.jpg"), (image.Attachments[0].ContentType, image.Attachments[0].ContentUrl));
        Assert.Equal(ActivityTypes.ConversationUpdate, follow.Type);
        Assert.Equal("6120118446385731302", Assert.Single(follow.MembersAdded).Id);
    }

    [Fact]
    public void A_numeric_timestamp_is_read_too()
    {
        var e = JsonSerializer.Deserialize("""{"event_name":"user_send_text","timestamp":1767240000512,"sender":{"id":"u"},"message":{"text":"hai","msg_id":"x"}}""", ZaloJsonContext.Default.ZaloWebhookEvent)!;
        Assert.Equal("1767240000512", e.Timestamp);
    }

    [Fact]
    public void More_than_five_choices_become_a_numbered_list()
    {
        var reply = ReplyWith.Choices(["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu"], "Chọn:");

        var request = Assert.Single(ZaloMapper.ToSendRequests(reply, "u"));

        Assert.Null(request.Message.Attachment);
        Assert.Equal("Chọn:\n\n1. Một\n2. Hai\n3. Ba\n4. Bốn\n5. Năm\n6. Sáu", request.Message.Text);
    }

    [Fact]
    public void The_signature_covers_app_id_body_timestamp_and_oa_secret()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(ZaloHost.Payload("user-send-text.json"));
        var header = ZaloSignature.Sign(body, ZaloHost.AppId, "1767240000512", ZaloHost.OaSecretKey);
        var expected = "mac=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            [.. System.Text.Encoding.UTF8.GetBytes(ZaloHost.AppId), .. body, .. System.Text.Encoding.UTF8.GetBytes("1767240000512" + ZaloHost.OaSecretKey)]));

        Assert.Equal(expected, header);
        Assert.True(ZaloSignature.IsValid(body, header, ZaloHost.AppId, "1767240000512", ZaloHost.OaSecretKey));
        Assert.False(ZaloSignature.IsValid(body, header, ZaloHost.AppId, "1767240000513", ZaloHost.OaSecretKey));
        Assert.False(ZaloSignature.IsValid(body, header, "another-app", "1767240000512", ZaloHost.OaSecretKey));
    }
}
