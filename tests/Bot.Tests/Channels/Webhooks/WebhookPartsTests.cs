using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Tests.Channels.Webhooks;

public sealed class WebhookPartsTests
{
    [Fact]
    public void Recent_ids_forget_after_their_lifetime_and_beyond_their_capacity()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var ids = new RecentIds(clock, capacity: 2, lifetime: TimeSpan.FromMinutes(10));

        Assert.True(ids.TryAdd("m1"));
        Assert.False(ids.TryAdd("m1"));
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(ids.TryAdd("m1"));
        Assert.True(ids.TryAdd("m2"));
        Assert.True(ids.TryAdd("m3"));
        Assert.Equal(2, ids.Count);
        Assert.True(ids.TryAdd("m1")); // the oldest made room
    }

    [Fact]
    public void The_reply_window_closes_after_its_length()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddDays(10));
        var window = new ReplyWindow(TimeSpan.FromHours(24), clock);

        Assert.False(window.IsOpen("u"));
        window.UserWrote("u", clock.GetUtcNow().AddHours(-23));
        Assert.True(window.IsOpen("u"));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(window.IsOpen("u"));
    }

    [Fact]
    public void A_word_longer_than_the_limit_is_cut_without_splitting_an_emoji()
    {
        var parts = MessageText.Split("a😀b", 2);
        Assert.Equal(["a", "😀", "b"], parts);
    }
}
