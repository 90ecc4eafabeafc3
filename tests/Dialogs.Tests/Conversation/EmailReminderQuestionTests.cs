using Microsoft.Extensions.DependencyInjection;
using VssBot.Dialogs.Conversation;

namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>
/// «Mình nhắc bạn qua email nữa nhé?» under "Ghi nhận" is a yes/no-shaped choice: right after it, every yes/no form
/// answers it (none of them cancels or restarts anything); later only a tapped button does.
/// </summary>
public class EmailReminderQuestionTests
{
    private sealed class EmailOn : IEmailReminders
    {
        public bool Available => true;
    }

    private static async Task<(StudentBotHarness Harness, IReadOnlyList<Microsoft.Bot.Schema.Activity> Confirmation)> DeclaredAsync()
    {
        var harness = new StudentBotHarness(configure: s => s.AddSingleton<IEmailReminders, EmailOn>());
        await harness.SeedAsync(null);
        await harness.SendAsync("tiếp tục");
        var confirmation = await harness.SendAsync("Ghi nhận");
        return (harness, confirmation);
    }

    [Theory]
    [InlineData("Có nhé")] [InlineData("có")] [InlineData("ok nhé")] [InlineData("ok")] [InlineData("dạ được ạ")] [InlineData("uk")]
    [InlineData("đồng ý")] [InlineData("nhắc qua email")] [InlineData("👍")]
    public async Task Every_yes_form_turns_email_reminders_on(string answer)
    {
        var (harness, confirmation) = await DeclaredAsync();
        var asked = Assert.Single(confirmation, r => r.Text?.Contains("Mình nhắc bạn qua email nữa nhé?") == true);
        Assert.Equal(["Có nhé", "Không cần"], asked.SuggestedActions.Actions.Select(a => a.Title));
        Assert.Contains("bien.nguyen@gmail.com", asked.Text);

        var replies = await harness.SendAsync(answer);

        Assert.True((await harness.ProfileAsync()).EmailReminders);
        Assert.Contains(replies, r => r.Text?.Contains("mình sẽ nhắc bạn qua email bien.nguyen@gmail.com") == true);
    }

    [Theory]
    [InlineData("Không cần")] [InlineData("không cần đâu")] [InlineData("thôi")] [InlineData("thôi khỏi")] [InlineData("ko")]
    [InlineData("k")] [InlineData("không")] [InlineData("dạ không ạ")] [InlineData("khong can")]
    public async Task Every_no_form_turns_email_reminders_off_and_cancels_nothing(string answer)
    {
        var (harness, _) = await DeclaredAsync();

        var replies = await harness.SendAsync(answer);

        var profile = await harness.ProfileAsync();
        Assert.False(profile.EmailReminders);
        Assert.Equal(VssBot.Dialogs.Journey.JourneyState.Declared, profile.Journey.State);
        var reply = Assert.Single(replies);
        Assert.Equal("Vâng, mình chỉ nhắc bạn ở đây thôi.", reply.Text);
    }

    [Fact]
    public async Task Another_message_leaves_the_question_and_a_later_ok_is_not_consent_but_a_tapped_button_still_is()
    {
        var (harness, _) = await DeclaredAsync();

        await harness.SendAsync("nộp ở đâu vậy");
        await harness.SendAsync("ok");
        Assert.Null((await harness.ProfileAsync()).EmailReminders);

        var replies = await harness.SendAsync("Có nhé");
        Assert.True((await harness.ProfileAsync()).EmailReminders);
        Assert.Contains(replies, r => r.Text?.Contains("qua email") == true);
    }

    [Fact]
    public async Task Without_an_email_server_the_question_is_not_asked()
    {
        var harness = new StudentBotHarness();
        await harness.SeedAsync(null);
        await harness.SendAsync("tiếp tục");
        var confirmation = await harness.SendAsync("Ghi nhận");

        Assert.DoesNotContain(confirmation, r => r.Text?.Contains("qua email") == true);
        Assert.Null((await harness.ProfileAsync()).EmailReminders);
    }
}
