using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Tests.Conversation;

public class StateVersionTests
{
    private const string ConversationKey = "test/conversations/test-conversation";

    [Fact]
    public async Task A_stack_written_by_other_dialogs_restarts_the_topic_politely_at_the_same_question()
    {
        var harness = new StudentBotHarness();
        await harness.SeedAsync("phone");
        await harness.SendAsync("tiếp tục");
        await harness.SendAsync("quay lại"); // now answering the email again, deep in the form's stack

        // A redeploy whose dialogs changed: the stored stamp no longer matches this build's dialogs.
        var items = await harness.Storage.ReadAsync([ConversationKey]);
        var state = (IDictionary<string, object>)items[ConversationKey];
        var dialogState = state.Get<DialogState>("dialogState")!;
        Assert.NotEmpty(dialogState.DialogStack);
        dialogState.Version = "from-an-older-build";
        state["dialogState"] = dialogState;
        await harness.Storage.WriteAsync(new Dictionary<string, object> { [ConversationKey] = state });
        harness.Restart();

        var replies = await harness.SendAsync("an@gmail.com");

        Assert.Contains(replies, r => r.Text?.Contains("Mình vừa được cập nhật phiên bản mới") == true);
        // The answer to the interrupted question is not misread; the same question is asked again.
        Assert.Contains(replies, r => r.Text?.StartsWith("Câu 7: Email") == true);
        Assert.Equal("bien.nguyen@gmail.com", (await harness.ProfileAsync()).Form.Get("email")!.Value);

        var next = await harness.SendAsync("an@gmail.com");
        Assert.Contains(next, r => r.Text?.StartsWith("Câu 8") == true);
        Assert.Equal("an@gmail.com", (await harness.ProfileAsync()).Form.Get("email")!.Value);
    }

    [Fact]
    public void The_version_stamp_changes_when_the_form_changes()
    {
        var a = new WaterfallDialog("form").AddStep((s, c) => s.NextAsync(null, c), "ask:phone");
        var b = new WaterfallDialog("form").AddStep((s, c) => s.NextAsync(null, c), "ask:phone").AddStep((s, c) => s.NextAsync(null, c), "ask:email");
        Assert.NotEqual(new DialogSet().Add(a).GetVersion(), new DialogSet().Add(b).GetVersion());
        Assert.Equal(new DialogSet().Add(a).GetVersion(), new DialogSet().Add(new WaterfallDialog("form").AddStep((s, c) => s.NextAsync(null, c), "ask:phone")).GetVersion());
    }
}
