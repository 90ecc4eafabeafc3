using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Tests.Turns;

public sealed class TurnAdmissionTests
{
    private static TurnContext Turn(string conversation) => new(new TestAdapter(), new Activity
    {
        Type = ActivityTypes.Message, ChannelId = "test", Conversation = new ConversationAccount(id: conversation), From = new ChannelAccount("u"), Text = "hi",
    });

    [Fact]
    public async Task Turns_beyond_the_limit_wait_in_arrival_order_and_all_run()
    {
        var admission = new TurnAdmission(Options.Create(new TurnOptions { MaxConcurrent = 2 }));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;
        var started = new List<int>();
        var turns = Enumerable.Range(0, 6).Select(i => admission.OnTurnAsync(Turn($"c{i}"), async _ =>
        {
            lock (started)
            {
                started.Add(i);
                most = Math.Max(most, ++running);
            }
            await release.Task;
            lock (started)
                running--;
        })).ToArray();

        Assert.Equal([0, 1], started); // the third waits for a slot
        release.SetResult();
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, most);
        Assert.Equal(Enumerable.Range(0, 6), started);
    }

    [Fact]
    public async Task A_failing_turn_gives_its_slot_back()
    {
        var admission = new TurnAdmission(Options.Create(new TurnOptions { MaxConcurrent = 1 }));

        await Assert.ThrowsAsync<InvalidOperationException>(() => admission.OnTurnAsync(Turn("c1"), _ => throw new InvalidOperationException("boom")));
        var ran = false;
        await admission.OnTurnAsync(Turn("c2"), _ => { ran = true; return Task.CompletedTask; }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(ran);
    }

    [Fact]
    public async Task A_proactive_turn_started_inside_a_turn_does_not_wait_for_a_slot()
    {
        var admission = new TurnAdmission(Options.Create(new TurnOptions { MaxConcurrent = 1 }));
        var proactive = new Activity { Type = ActivityTypes.Event, Name = ActivityEventNames.ContinueConversation, ChannelId = "test",
            Conversation = new ConversationAccount(id: "c2"), From = new ChannelAccount("bot") };
        var ran = false;

        await admission.OnTurnAsync(Turn("c1"), ct => admission.OnTurnAsync(new TurnContext(new TestAdapter(), proactive), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, ct)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(ran);
    }

    [Fact]
    public async Task Without_a_limit_every_turn_runs_at_once()
    {
        var admission = new TurnAdmission(Options.Create(new TurnOptions()));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;

        var turns = Enumerable.Range(0, 20).Select(i => admission.OnTurnAsync(Turn($"c{i}"), async _ =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
        })).ToArray();

        Assert.Equal(20, started);
        release.SetResult();
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
