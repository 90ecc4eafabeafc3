using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Install;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Conversation.Interruptions;

/// <summary>
/// Everything a student may say at any question, handled in one place before the question sees it:
/// help, cancel, back, restart, progress, a person, "sửa …" and small talk. Afterwards the interrupted
/// question is asked again (or the form goes to the field being corrected and then back to where it was).
/// </summary>
public sealed class InterruptionHandler(IntentRecognizer intents, Form01Definition form, BotTexts texts, CampaignSettings campaign)
{
    /// <summary>Restarts the current topic: the main flow skips what is known and asks the next needed question.</summary>
    public delegate Task<DialogTurnResult> RestartTopic(DialogContext innerDc, CancellationToken cancellationToken);

    /// <summary>
    /// The reply when the message was an interruption; null when the current question should read it.
    /// <paramref name="atStart"/>: no question is open yet (a new or finished conversation), so greetings are
    /// left to the main flow and, after replying, the topic starts instead of a question being asked again.
    /// </summary>
    public async Task<DialogTurnResult?> TryHandleAsync(DialogContext innerDc, RestartTopic restartTopic, CancellationToken ct, bool atStart = false)
    {
        var text = innerDc.Context.Activity.Text;
        if (innerDc.Context.Activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(text)) return null;
        var session = StudentSession.From(innerDc.Context);
        var profile = session.Profile;

        var pending = profile.PendingCommand;
        profile.PendingCommand = PendingCommand.None;
        if (pending == PendingCommand.ConfirmRestart && await TryConfirmRestartAsync(innerDc, text, restartTopic, ct) is { } restarted) return restarted;
        if (pending == PendingCommand.ChooseFieldToCorrect && FieldNamedIn(text) is { } chosen) return await CorrectAsync(innerDc, chosen, restartTopic, ct);

        var current = PromptInstance.Current(innerDc);
        // A tapped button is an answer, not a command ("Chưa, hướng dẫn mình" is not a request for help).
        var folded = VietnameseText.Fold(text);
        if (current?.Choices.Any(c => VietnameseText.Fold(c.Title) == folded) == true) return null;
        if (MilestoneReports.Recognize(text) is { } milestone) return await ReportMilestoneAsync(innerDc, milestone, restartTopic, ct);
        var intent = intents.Recognize(text);
        if (atStart && intent.Kind is IntentKind.Greeting or IntentKind.Thanks) return null;
        var question = current?.QuestionKey;
        return intent.Kind switch
        {
            IntentKind.Help => await ReplyAndRepromptAsync(innerDc, restartTopic, HelpFor(question, current?.Help), ct),
            IntentKind.Cancel => await CancelAsync(innerDc, ct),
            IntentKind.Back => await BackAsync(innerDc, question, restartTopic, ct),
            IntentKind.Restart => await AskRestartAsync(innerDc, restartTopic, ct),
            // Once declared, with no question open, the main flow's status (dates, office, printable link) is the one answer.
            IntentKind.Progress when innerDc.ActiveDialog is null && IsDeclared(profile) => await restartTopic(innerDc, ct),
            IntentKind.Progress => await ReplyAndRepromptAsync(innerDc, restartTopic, Progress(session, question), ct),
            IntentKind.Human => await HumanAsync(innerDc, question, restartTopic, ct),
            IntentKind.Correct => await CorrectAsync(innerDc, intent.FieldKey is { } key ? form.Find(key) : null, restartTopic, ct),
            IntentKind.Greeting => await ReplyAndRepromptAsync(innerDc, restartTopic, texts["conv.greeting_again"], ct),
            IntentKind.Thanks => await ReplyAndRepromptAsync(innerDc, restartTopic, texts["conv.thanks"], ct),
            IntentKind.WhatIsVssId => await ReplyAndRepromptAsync(innerDc, restartTopic, texts["conv.what_is_vssid"], ct),
            IntentKind.Install => await InstallAsync(innerDc, restartTopic, ct),
            _ => null,
        };
    }

    /// <summary>"mình muốn cài VssID": before the app is installed, the install guide starts; later it is an ordinary answer.</summary>
    private static async Task<DialogTurnResult?> InstallAsync(DialogContext innerDc, RestartTopic restartTopic, CancellationToken ct)
    {
        var session = StudentSession.From(innerDc.Context);
        if (session.Profile.Journey.State is not (JourneyState.NotStarted or JourneyState.Installing)) return null;
        session.Journey.TryFire(JourneyTrigger.StartInstalling);
        await innerDc.CancelAllDialogsAsync(ct);
        return await restartTopic(innerDc, ct);
    }

    private string HelpFor(string? question, string? stepHelp)
    {
        string specific;
        if (stepHelp is not null)
            specific = stepHelp;
        else if (FieldPrompt.FieldKeyOf(new PromptOptions { QuestionKey = question }) is { } key && form.Find(key) is { } field)
            specific = field.Help + "\n" + texts.Format("conv.help_example", ("example", field.Example));
        else
            specific = question is not null && texts.Find("help." + question) is { } help ? help : texts["conv.help_general"];
        return specific + "\n\n" + texts["conv.help_commands"];
    }

    private string Progress(StudentSession session, string? question)
    {
        var lines = new List<string> { texts.Format("conv.progress", ("state", texts["journey." + session.Profile.Journey.State])) };
        var answers = session.Profile.Form;
        if (session.Profile.Journey.State is JourneyState.Declaring or JourneyState.Installed)
            lines.Add(texts.Format("conv.progress_form", ("answered", form.Fields.Count(f => answers.Answers.ContainsKey(f.Key))), ("total", form.Fields.Count)));
        if (FieldPrompt.FieldKeyOf(new PromptOptions { QuestionKey = question }) is { } key && form.Find(key) is { } field)
            lines.Add(texts.Format("conv.progress_current", ("label", $"{field.Number}. {field.Title}")));
        return string.Join("\n", lines);
    }

    private async Task<DialogTurnResult> CancelAsync(DialogContext innerDc, CancellationToken ct)
    {
        await innerDc.CancelAllDialogsAsync(ct);
        await innerDc.Context.SendActivityAsync(MessageFactory.Text(texts["conv.cancelled"]), ct);
        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    private async Task<DialogTurnResult> BackAsync(DialogContext innerDc, string? question, RestartTopic restartTopic, CancellationToken ct)
    {
        var profile = StudentSession.From(innerDc.Context).Profile;
        string? previous = null;
        if (question == Form01Dialog.SummaryQuestion || question == Form01Dialog.WhichFieldQuestion)
            previous = form.Fields[^1].Key;
        else if (FieldPrompt.FieldKeyOf(new PromptOptions { QuestionKey = question }) is { } key && form.IndexOf(key) is > 0 and var index)
            previous = form.Fields[index - 1].Key;
        else if (question == InstallGuideDialog.DoneQuestion)
        {
            InstallGuideDialog.ForgetPlatform(profile);
            return await restartTopic(innerDc, ct);
        }

        if (previous is null) return await ReplyAndRepromptAsync(innerDc, restartTopic, texts["conv.back_none"], ct);
        profile.Form.RequestCorrection(previous);
        return await restartTopic(innerDc, ct);
    }

    private async Task<DialogTurnResult> AskRestartAsync(DialogContext innerDc, RestartTopic restartTopic, CancellationToken ct)
    {
        var profile = StudentSession.From(innerDc.Context).Profile;
        if (IsDeclared(profile)) return await ReplyAndRepromptAsync(innerDc, restartTopic, texts["conv.restart_after_declared"], ct);
        profile.PendingCommand = PendingCommand.ConfirmRestart;
        var confirm = MessageFactory.Text(texts["conv.restart_confirm"]);
        confirm.SuggestedActions = Buttons(texts["conv.restart_yes"], texts["conv.restart_no"]);
        await innerDc.Context.SendActivityAsync(confirm, ct);
        return DialogTurnResult.Waiting;
    }

    private async Task<DialogTurnResult?> TryConfirmRestartAsync(DialogContext innerDc, string text, RestartTopic restartTopic, CancellationToken ct)
    {
        var choice = ChoiceRecognizer.Recognize(text, [new ChoiceOption("yes", texts["conv.restart_yes"]), new ChoiceOption("no", texts["conv.restart_no"])]);
        var answer = choice.Index switch { 0 => YesNo.Yes, 1 => YesNo.No, _ => YesNoRecognizer.Recognize(text) };
        if (answer == YesNo.No) return await ReplyAndRepromptAsync(innerDc, restartTopic, texts["conv.restart_kept"], ct);
        if (answer != YesNo.Yes) return null; // not an answer to "are you sure?": read it as usual
        StudentSession.From(innerDc.Context).Profile.Form = new Form01Answers();
        await innerDc.Context.SendActivityAsync(MessageFactory.Text(texts["conv.restart_done"]), ct);
        return await restartTopic(innerDc, ct);
    }

    /// <summary>A step done outside the chat: moves the journey when the machine permits it, otherwise says why not.</summary>
    private async Task<DialogTurnResult> ReportMilestoneAsync(DialogContext innerDc, Milestone milestone, RestartTopic restartTopic, CancellationToken ct)
    {
        var session = StudentSession.From(innerDc.Context);
        var record = session.Profile.Journey;
        if (milestone == Milestone.OfficeVisited)
        {
            if (record.State is not (JourneyState.Declared or JourneyState.Submitted or JourneyState.WaitingForOfficeVisit))
                return await ReplyAndRepromptAsync(innerDc, restartTopic, Forbidden(record), ct);
            record.OfficeVisitReportedAt = session.Now;
            return await ReplyAndRepromptAsync(innerDc, restartTopic, texts.Format("journey.report_ok.OfficeVisited",
                ("phone", session.Profile.Form.Get("phone")?.Display ?? "")), ct);
        }
        if (!session.Journey.TryFire(MilestoneReports.TriggerOf(milestone)!.Value))
            return await ReplyAndRepromptAsync(innerDc, restartTopic, Forbidden(record), ct);
        if (milestone == Milestone.Rejected)
        {
            // "Bị từ chối": start the correction flow (which field was wrong?), then a new declaration.
            await innerDc.Context.SendActivityAsync(MessageFactory.Text(texts["journey.report_ok.Rejected"]), ct);
            return await AskWhichFieldAsync(innerDc, session.Profile, ct);
        }
        return await ReplyAndRepromptAsync(innerDc, restartTopic, texts["journey.report_ok." + milestone], ct);
    }

    private string Forbidden(JourneyRecord record) => texts.Format("journey.report_forbidden", ("state", texts["journey." + record.State]));

    private async Task<DialogTurnResult> HumanAsync(DialogContext innerDc, string? question, RestartTopic restartTopic, CancellationToken ct)
    {
        var session = StudentSession.From(innerDc.Context);
        session.Profile.Escalations.Add(new Escalation(EscalationReason.StudentAskedForPerson, question, session.Now));
        return await ReplyAndRepromptAsync(innerDc, restartTopic, texts.Format("conv.human_requested", ("hotline", campaign.Hotline)), ct);
    }

    private async Task<DialogTurnResult> CorrectAsync(DialogContext innerDc, FieldDefinition? field, RestartTopic restartTopic, CancellationToken ct)
    {
        var session = StudentSession.From(innerDc.Context);
        var profile = session.Profile;
        // After a refusal or expiry a correction starts the next declaration with the saved answers.
        if (profile.Journey.State is JourneyState.Rejected or JourneyState.Expired) Redeclaration.Start(session);
        if (IsDeclared(profile)) return await ReplyAndRepromptAsync(innerDc, restartTopic, texts["conv.correct_after_declared"], ct);
        if (field is null) return await AskWhichFieldAsync(innerDc, profile, ct);
        if (!profile.Form.Answers.ContainsKey(field.Key))
        {
            var current = FieldPrompt.FieldKeyOf(PromptInstance.Current(innerDc));
            return current == field.Key
                ? await ReplyAndRepromptAsync(innerDc, restartTopic, null, ct)
                : await ReplyAndRepromptAsync(innerDc, restartTopic, texts.Format("conv.correct_not_yet", ("label", field.Title)), ct);
        }
        profile.Form.RequestCorrection(field.Key);
        return await restartTopic(innerDc, ct);
    }

    private async Task<DialogTurnResult> AskWhichFieldAsync(DialogContext innerDc, StudentProfile profile, CancellationToken ct)
    {
        profile.PendingCommand = PendingCommand.ChooseFieldToCorrect;
        var which = MessageFactory.Text(texts["conv.correct_which"]);
        which.SuggestedActions = Buttons(form.Fields.Where(f => profile.Form.Answers.ContainsKey(f.Key)).Select(f => f.NumberedTitle).ToArray());
        await innerDc.Context.SendActivityAsync(which, ct);
        return DialogTurnResult.Waiting;
    }

    private FieldDefinition? FieldNamedIn(string text)
    {
        var options = form.Fields.Select(f => new ChoiceOption(f.Key, f.NumberedTitle, [f.Title, f.Label, .. f.Aliases])).ToList();
        return ChoiceRecognizer.Recognize(text, options).Index is int index ? form.Fields[index] : null;
    }

    private static bool IsDeclared(StudentProfile profile) => profile.Journey.State is not (JourneyState.NotStarted or JourneyState.Installing or JourneyState.Installed or JourneyState.Declaring);

    /// <summary>Replies, then asks the open question again; with none open, the topic starts where it needs to.</summary>
    private static async Task<DialogTurnResult> ReplyAndRepromptAsync(DialogContext innerDc, RestartTopic restartTopic, string? reply, CancellationToken ct)
    {
        if (reply is not null) await innerDc.Context.SendActivityAsync(MessageFactory.Text(reply), ct);
        if (innerDc.ActiveDialog is null) return await restartTopic(innerDc, ct);
        await innerDc.RepromptDialogAsync(ct);
        return DialogTurnResult.Waiting;
    }

    private static SuggestedActions Buttons(params string[] titles)
        => new() { Actions = titles.Select(t => new CardAction(ActionTypes.ImBack, t, value: t)).ToList() };
}
