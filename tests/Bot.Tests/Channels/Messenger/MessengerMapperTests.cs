using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Channels.Messenger;
using VssBot.Bot.Channels.Messenger.Events;
using VssBot.Bot.Channels.Messenger.Send;

namespace VssBot.Bot.Tests.Channels.Messenger;

public sealed class MessengerMapperTests
{
    private static List<MessengerMessaging> Events(string payload) =>
        JsonSerializer.Deserialize(MessengerHost.Payload(payload), MessengerJsonContext.Default.MessengerWebhookEvent)!.Entry!.SelectMany(e => e.Messaging!).ToList();

    [Fact]
    public void A_text_message_becomes_a_facebook_activity_from_the_psid_to_the_page()
    {
        var activity = MessengerMapper.ToActivity(Events("two-users-batched.json")[0], MessengerHost.PageId)!;

        Assert.Equal((ActivityTypes.Message, "facebook", "Chào bạn, mình muốn đăng ký VssID"), (activity.Type, activity.ChannelId, activity.Text));
        Assert.Equal(("7301148291034561", "7301148291034561", MessengerHost.PageId), (activity.Conversation.Id, activity.From.Id, activity.Recipient.Id));
        Assert.Equal("m_AkzXq1vUoN7yQ3ZtHd0JbXf9sKc2RwLmPeT4iYgB6hUaVnOoQpRsEtFuGvHwIxJyKz", activity.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767233400984), activity.Timestamp);
    }

    [Fact]
    public void Echoes_and_deliveries_become_nothing_images_become_attachments_and_quick_replies_their_payload()
    {
        var activities = Events("two-users-batched.json").Select(m => MessengerMapper.ToActivity(m, MessengerHost.PageId)).ToList();

        Assert.Null(activities[1]);
        Assert.Null(activities[2]);
        var image = Assert.Single(activities[3]!.Attachments);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.StartsWith("https://scontent.xx.fbcdn.net/", image.ContentUrl);
        Assert.Equal("Chưa, hướng dẫn mình", activities[4]!.Text);
    }

    [Fact]
    public void A_postback_sends_its_payload_as_the_text()
    {
        Assert.Equal("xin chào", MessengerMapper.ToActivity(Events("postback-get-started.json")[0], MessengerHost.PageId)!.Text);
    }

    [Fact]
    public void Up_to_13_short_choices_become_quick_replies_whose_payload_is_the_value()
    {
        var reply = ReplyWith.Choices(["Đã cài rồi", "Chưa, hướng dẫn mình", "VssID là gì?"], "Bạn đã cài ứng dụng VssID trên điện thoại chưa?");

        var request = Assert.Single(MessengerMapper.ToSendRequests(reply, "u1"));

        Assert.Equal(("u1", "RESPONSE"), (request.Recipient.Id, request.MessagingType));
        Assert.Equal("Bạn đã cài ứng dụng VssID trên điện thoại chưa?", request.Message!.Text);
        Assert.Equal(["Đã cài rồi", "Chưa, hướng dẫn mình", "VssID là gì?"], request.Message.QuickReplies!.Select(q => q.Payload));
    }

    [Theory]
    [InlineData(14, "Ngắn")]
    [InlineData(3, "Một lựa chọn dài quá hai mươi ký tự")]
    public void Too_many_or_too_long_choices_become_a_numbered_list_in_the_text(int count, string title)
    {
        var choices = Enumerable.Range(1, count).Select(n => $"{title} {n}").ToList();
        var reply = ReplyWith.Choices(choices, "Chọn cơ quan BHXH:");

        var request = Assert.Single(MessengerMapper.ToSendRequests(reply, "u1"));

        Assert.Null(request.Message!.QuickReplies);
        Assert.StartsWith($"Chọn cơ quan BHXH:\n\n1. {title} 1\n2. {title} 2\n", request.Message.Text);
        Assert.EndsWith($"{count}. {title} {count}", request.Message.Text);
    }

    [Fact]
    public void A_long_text_is_sent_in_parts_of_fewer_than_2000_characters_cut_at_sentences_with_the_quick_replies_on_the_last()
    {
        var sentence = "Bạn mang tờ khai đã ký và căn cước công dân đến cơ quan BHXH trong mười ngày. ";
        var reply = ReplyWith.Choices(["Đã hiểu"], string.Concat(Enumerable.Repeat(sentence, 60)));

        var requests = MessengerMapper.ToSendRequests(reply, "u1");

        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(r.Message!.Text!.Length < 2000));
        Assert.All(requests, r => Assert.EndsWith("mười ngày.", r.Message!.Text));
        Assert.Equal(sentence.Length * 60, requests.Sum(r => r.Message!.Text!.Length + 1));
        Assert.Null(requests[0].Message!.QuickReplies);
        Assert.NotNull(requests[^1].Message!.QuickReplies);
    }

    [Fact]
    public void Typing_becomes_the_typing_on_sender_action()
    {
        var request = Assert.Single(MessengerMapper.ToSendRequests(new Activity(ActivityTypes.Typing), "u1"));
        Assert.Equal(("typing_on", null, null), (request.SenderAction, request.Message, request.MessagingType));
    }

    [Fact]
    public void The_signature_is_an_hmac_of_the_exact_bytes_with_the_app_secret()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(MessengerHost.Payload("first-message.json"));
        var header = MessengerSignature.Sign(body, MessengerHost.AppSecret);

        Assert.True(MessengerSignature.IsValid(body, header, MessengerHost.AppSecret));
        Assert.True(MessengerSignature.IsValid(body, header.ToUpperInvariant().Replace("SHA256=", "sha256="), MessengerHost.AppSecret));
        Assert.False(MessengerSignature.IsValid(body, header, "another-secret"));
        Assert.False(MessengerSignature.IsValid([.. body, (byte)' '], header, MessengerHost.AppSecret));
        Assert.False(MessengerSignature.IsValid(body, null, MessengerHost.AppSecret));
        Assert.False(MessengerSignature.IsValid(body, "sha256=not-hex", MessengerHost.AppSecret));
    }
}
