using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Conversation;

/// <summary>
/// «Mình nhắc bạn qua email nữa nhé?» under the "Ghi nhận" confirmation, when the host can send email and the student gave
/// an address. A yes/no-shaped choice [Có nhé | Không cần]: right after it is asked, every yes/no form («không cần», «thôi»,
/// «ko», «có», «ok nhé») answers it through <see cref="ChoiceRecognizer"/>; later only a tapped button does (a stray "ok"
/// days afterwards is not consent). Anything else the student writes goes on as usual and the question is not repeated.
/// </summary>
public sealed class EmailReminderQuestion(BotTexts texts, IEmailReminders? emailReminders)
{
    /// <summary>Adds the question and its buttons to <paramref name="confirmation"/> and opens it for the next message.</summary>
    public void Ask(IMessageActivity confirmation, StudentProfile profile)
    {
        if (!Applies(profile, out var email)) return;
        confirmation.Text += "\n\n" + texts.Format("conv.email_reminder_ask", ("email", email));
        confirmation.SuggestedActions = new SuggestedActions
        {
            Actions = [.. Choices().Select(c => new CardAction(ActionTypes.ImBack, c.Title, value: c.Title))],
        };
        profile.PendingCommand = PendingCommand.EmailReminders;
    }

    /// <summary>Takes the student's answer and replies to it; false when the message is not one (the turn goes on as usual).</summary>
    public async Task<bool> TryAnswerAsync(ITurnContext context, StudentProfile profile, CancellationToken ct)
    {
        if (context.Activity.Type != ActivityTypes.Message || context.Activity.Text is not { Length: > 0 } text || !Applies(profile, out var email))
            return false;
        var choices = Choices();
        var justAsked = profile.PendingCommand == PendingCommand.EmailReminders;
        var index = justAsked
            ? ChoiceRecognizer.Recognize(text, [.. choices.Select(ChoicePrompt.ToOption)]).Index
            : Array.FindIndex(choices, c => VietnameseText.Fold(c.Title) == VietnameseText.Fold(text));
        if (justAsked) profile.PendingCommand = PendingCommand.None; // open for one message only
        if (index is not (0 or 1)) return false;
        profile.EmailReminders = index == 0;
        await context.SendActivityAsync(MessageFactory.Text(profile.EmailReminders == true
            ? texts.Format("conv.email_reminder_on", ("email", email))
            : texts["conv.email_reminder_off"]), ct);
        return true;
    }

    /// <summary>Asked once per student, after a declaration, when email can be sent and Form 01 has an address.</summary>
    private bool Applies(StudentProfile profile, out string email)
    {
        email = profile.Form.Get("email")?.Value ?? "";
        return emailReminders is { Available: true } && profile.EmailReminders is null && email.Length > 0
            && profile.Journey.State is JourneyState.Declared or JourneyState.Submitted or JourneyState.WaitingForOfficeVisit;
    }

    /// <summary>Titles read as yes and no (<see cref="YesNoRecognizer"/>), which makes the question yes/no-shaped.</summary>
    private Choice[] Choices() =>
    [
        new("yes", texts["conv.email_reminder_yes"], ["nhắc qua email", "gửi email"]),
        new("no", texts["conv.email_reminder_no"], ["chỉ nhắc ở đây"]),
    ];
}
