using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Tests.Runtime;

/// <summary>The waterfall model on its own: a tiny bot over MemoryStorage, so every turn round-trips the stack through JSON.</summary>
public class DialogRuntimeTests
{
    private sealed class Escalation : IPromptEscalation
    {
        public int Count { get; private set; }
        public int MaxAttempts => 3;
        public async Task OnMaxAttemptsReachedAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
        {
            Count++;
            await dc.Context.SendActivityAsync($"escalated {options.QuestionKey}", cancellationToken: cancellationToken);
        }
    }

    private sealed class TinyBot
    {
        private readonly ConversationState _state = new(new MemoryStorage());
        private readonly DialogSet _dialogs;
        public Escalation Escalation { get; } = new();

        public TinyBot(params Dialog[] dialogs)
        {
            _dialogs = new DialogSet(_state.CreateProperty<DialogState>("dialogs"));
            foreach (var dialog in dialogs) _dialogs.Add(dialog);
        }

        public DialogTurnResult? Last { get; private set; }

        public async Task OnTurnAsync(ITurnContext context, CancellationToken ct)
        {
            context.TurnState.Add<IPromptEscalation>(Escalation);
            var dc = await _dialogs.CreateContextAsync(context, ct);
            Last = await dc.ContinueDialogAsync(ct);
            if (Last.Status == DialogTurnStatus.Empty) Last = await dc.BeginDialogAsync(_dialogs.All.First().Id, null, ct);
            await _state.SaveChangesAsync(context, false, ct);
        }
    }

    private static async Task<List<string>> Say(TestAdapter adapter, TinyBot bot, string text)
    {
        await adapter.SendTextToBotAsync(text, bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<string>();
        while (adapter.GetNextReply() is Activity reply) replies.Add(reply.Text);
        return replies;
    }

    private static WaterfallDialog AskNameThenAge() => new WaterfallDialog("profile")
        .AddStep((step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = new PromptText("name?") }, ct), "askName")
        .AddStep((step, ct) =>
        {
            step.Values["name"] = step.Result!;
            return step.PromptAsync("number", new PromptOptions { Prompt = new PromptText("age?"), RetryPrompt = new PromptText("age, in digits?"), QuestionKey = "q:age" }, ct);
        }, "askAge")
        .AddStep(async (step, ct) =>
        {
            await step.Context.SendActivityAsync($"{step.Values.Get<string>("name")} is {step.Result}", cancellationToken: ct);
            return await step.EndDialogAsync(step.Result, ct);
        }, "done");

    private static TextPrompt Number() => new("number", (prompt, ct) =>
    {
        var ok = int.TryParse(prompt.Recognized.Value, out _);
        if (!ok) prompt.Recognized.Problem = $"not a number (attempt {prompt.AttemptCount})";
        return Task.FromResult(ok);
    });

    [Fact]
    public async Task Steps_run_in_order_and_values_survive_the_storage_round_trip_between_turns()
    {
        var bot = new TinyBot(AskNameThenAge(), new TextPrompt("text"), Number());
        var adapter = new TestAdapter();
        Assert.Equal(["name?"], await Say(adapter, bot, "hi"));
        Assert.Equal(["age?"], await Say(adapter, bot, "Lan"));
        Assert.Equal(["Lan is 20"], await Say(adapter, bot, "20"));
        Assert.Equal(DialogTurnStatus.Complete, bot.Last!.Status);
        Assert.Equal("20", bot.Last.Result);
    }

    [Fact]
    public async Task A_failed_validation_explains_and_retries_and_the_maximum_attempts_escalate_then_count_again()
    {
        var bot = new TinyBot(AskNameThenAge(), new TextPrompt("text"), Number());
        var adapter = new TestAdapter();
        await Say(adapter, bot, "hi");
        await Say(adapter, bot, "Lan");
        Assert.Equal(["not a number (attempt 1)\n\nage, in digits?"], await Say(adapter, bot, "x"));
        Assert.Equal(["not a number (attempt 2)\n\nage, in digits?"], await Say(adapter, bot, "y"));
        Assert.Equal(["escalated q:age"], await Say(adapter, bot, "z"));
        Assert.Equal(1, bot.Escalation.Count);
        Assert.Equal(["not a number (attempt 1)\n\nage, in digits?"], await Say(adapter, bot, "w"));
        Assert.Equal(["Lan is 21"], await Say(adapter, bot, "21"));
    }

    [Fact]
    public async Task A_component_keeps_its_own_stack_and_ends_with_its_inner_result()
    {
        var component = new TestComponent();
        var outer = new WaterfallDialog("outer")
            .AddStep((step, ct) => step.BeginDialogAsync(component.Id, null, ct), "begin")
            .AddStep(async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"component said {step.Result}", cancellationToken: ct);
                return await step.EndDialogAsync(null, ct);
            }, "after");
        var bot = new TinyBot(outer, component);
        var adapter = new TestAdapter();
        Assert.Equal(["inner?"], await Say(adapter, bot, "start"));
        Assert.Equal(["component said HELLO"], await Say(adapter, bot, "hello"));
    }

    [Fact]
    public async Task Cancel_all_empties_the_stack_and_skipping_with_next_passes_a_result_on()
    {
        var skipping = new WaterfallDialog("skip")
            .AddStep((step, ct) => step.NextAsync("known", ct), "skipped")
            .AddStep(async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"got {step.Result}", cancellationToken: ct);
                return await step.PromptAsync("text", new PromptOptions { Prompt = new PromptText("more?") }, ct);
            }, "ask")
            .AddStep((step, ct) => step.CancelAllDialogsAsync(ct), "cancel");
        var bot = new TinyBot(skipping, new TextPrompt("text"));
        var adapter = new TestAdapter();
        Assert.Equal(["got known", "more?"], await Say(adapter, bot, "go"));
        await Say(adapter, bot, "stop");
        Assert.Equal(DialogTurnStatus.Cancelled, bot.Last!.Status);
        Assert.Equal(["got known", "more?"], await Say(adapter, bot, "again"));
    }

    private sealed class TestComponent : ComponentDialog
    {
        public TestComponent() : base("component")
        {
            AddDialog(new WaterfallDialog("component.steps")
                .AddStep((step, ct) => step.PromptAsync("component.text", new PromptOptions { Prompt = new PromptText("inner?") }, ct), "ask")
                .AddStep((step, ct) => step.EndDialogAsync(((string)step.Result!).ToUpperInvariant(), ct), "end"));
            AddDialog(new TextPrompt("component.text"));
        }
    }
}
