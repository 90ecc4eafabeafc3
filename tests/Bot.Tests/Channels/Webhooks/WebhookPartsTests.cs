using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Stores;

namespace VssBot.Bot.Tests.Channels.Webhooks;

public sealed class WebhookPartsTests
{
    [Fact]
    public async Task The_reply_window_closes_after_its_length()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddDays(10));
        var window = new ReplyWindow("facebook", TimeSpan.FromHours(24), clock, new MemoryReplyWindowStore());

        Assert.False(await window.IsOpenAsync("u", default));
        await window.UserWroteAsync("u", clock.GetUtcNow().AddHours(-23), default);
        Assert.True(await window.IsOpenAsync("u", default));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await window.IsOpenAsync("u", default));
    }

    [Fact]
    public void A_word_longer_than_the_limit_is_cut_without_splitting_an_emoji()
    {
        var parts = MessageText.Split("a😀b", 2);
        Assert.Equal(["a", "😀", "b"], parts);
    }
}
