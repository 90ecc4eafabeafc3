using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Proactive;

namespace VssBot.Bot.Tests.Channels.Proactive;

public class RegisteredAdapterChannelsTests
{
    private sealed class RecordingAdapter : BotAdapter
    {
        public List<(string? Conversation, string? Recipient, string? Text)> Sent { get; } = [];

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            Sent.AddRange(activities.Select(a => (a.Conversation?.Id, a.Recipient?.Id, a.Text)));
            return Task.FromResult(activities.Select(_ => new ResourceResponse("1")).ToArray());
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();
        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task An_agents_reply_goes_straight_through_the_adapter_of_the_students_own_channel()
    {
        var zalo = new RecordingAdapter();
        var services = new ServiceCollection().BuildServiceProvider();
        var channels = new RegisteredAdapterChannels(services, [new ChannelAdapterRegistration(["zalo"], _ => zalo)]);
        var reference = new ConversationReference
        {
            ChannelId = "zalo",
            Conversation = new ConversationAccount(id: "zalo-user-7"),
            User = new ChannelAccount("zalo-user-7"),
            Bot = new ChannelAccount("oa"),
        };

        Assert.True(channels.Serves("zalo"));
        Assert.False(channels.Serves("facebook"));
        await channels.SendAsync(reference, MessageFactory.Text("Chào bạn, mình là cán bộ hỗ trợ."), default);

        Assert.Equal([("zalo-user-7", "zalo-user-7", "Chào bạn, mình là cán bộ hỗ trợ.")], zalo.Sent);
    }
}
