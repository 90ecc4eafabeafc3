using Microsoft.Bot.Builder;
using VssBot.Dialogs.Conversation.Interruptions;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.IdCard;
using VssBot.Dialogs.Install;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Conversation;

/// <summary>
/// The student's whole way, as one waterfall that skips what is already known: greeting, "installed yet?"
/// (and the install guide), consent to personal data, Form 01, "Ghi nhận" and what to do next.
/// Interruptions are handled here, once, for every question below.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    public const string DialogId = "main";
    public const string InstalledQuestion = "main:installed";
    public const string ConsentQuestion = "main:consent";
    public const string RedeclareQuestion = "main:redeclare";
    public const string StudentIdQuestion = "main:studentId";
    private const string StepsId = "main.steps";
    private const string ChoiceId = "main.choice";
    private const string StudentIdPromptId = "main.studentId";
    private const string SkipStudentId = "skip";
    private readonly BotTexts _texts;
    private readonly InterruptionHandler _interruptions;
    private readonly DeclarationNextSteps _nextSteps;
    private readonly IDeclarationRecorder? _recorder;
    private readonly IPrintableFormLinks? _printLinks;
    private readonly ExtraAnswers _extraAnswers;
    private readonly string _formVersion;
    private readonly int _questionCount;
    private readonly CampaignSettings _campaign;
    private readonly EmailReminderQuestion _emailQuestion;
    private readonly IdCardFlow _idCard;

    public MainDialog(BotTexts texts, InterruptionHandler interruptions, DeclarationNextSteps nextSteps, InstallGuideDialog install, Form01Dialog form01,
        Form01Definition form, ExtraAnswers extraAnswers, CampaignSettings campaign, IdCardFlow idCard, IDeclarationRecorder? recorder = null,
        IPrintableFormLinks? printLinks = null, IEmailReminders? emailReminders = null) : base(DialogId)
    {
        _emailQuestion = new EmailReminderQuestion(texts, emailReminders);
        _campaign = campaign;
        _idCard = idCard;
        _printLinks = printLinks;
        _extraAnswers = extraAnswers;
        _recorder = recorder;
        _formVersion = form.Version;
        _questionCount = form.Count;
        _texts = texts;
        _interruptions = interruptions;
        _nextSteps = nextSteps;
        AddDialog(new WaterfallDialog(StepsId)
            .AddStep(WelcomeAsync, "welcome")
            .AddStep(AfterInstalledAsync, "afterInstalled")
            .AddStep(ConsentAsync, "consent")
            .AddStep(AfterConsentAsync, "afterConsent")
            .AddStep(AskStudentIdAsync, "studentId")
            .AddStep(AfterStudentIdAsync, "afterStudentId")
            .AddStep(DeclareAsync, "declare")
            .AddStep(AfterDeclareAsync, "afterDeclare"));
        AddDialog(new ChoicePrompt(ChoiceId));
        AddDialog(new TextPrompt(StudentIdPromptId, ValidateStudentIdAsync));
        AddDialog(install);
        AddDialog(form01);
    }

    // An ID card photo (or the answer to its offer) comes first: "Sửa" there answers the offer, not the "correct" command;
    // after "Ghi nhận", «thôi» or «không cần» answer the email question, they do not cancel.
    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
        => await TakeEmailAnswerAsync(innerDc, cancellationToken)
           ?? await _idCard.TryHandleAsync(innerDc, RestartTopicAsync, cancellationToken)
           ?? await _interruptions.TryHandleAsync(innerDc, RestartTopicAsync, cancellationToken, atStart: true)
           ?? await innerDc.BeginDialogAsync(StepsId, null, cancellationToken);

    protected override async Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
        => await _idCard.TryHandleAsync(innerDc, RestartTopicAsync, cancellationToken)
           ?? await _interruptions.TryHandleAsync(innerDc, RestartTopicAsync, cancellationToken)
           ?? await TakeExtraAnswersAsync(innerDc, cancellationToken)
           ?? await base.OnContinueDialogAsync(innerDc, cancellationToken);

    private async Task<DialogTurnResult?> TakeEmailAnswerAsync(DialogContext innerDc, CancellationToken ct) =>
        await _emailQuestion.TryAnswerAsync(innerDc.Context, StudentSession.From(innerDc.Context).Profile, ct)
            ? new DialogTurnResult(DialogTurnStatus.Complete)
            : null;

    /// <summary>While declaring, a message with several values fills them all; the form then asks what is still missing.</summary>
    private async Task<DialogTurnResult?> TakeExtraAnswersAsync(DialogContext innerDc, CancellationToken ct)
    {
        var session = StudentSession.From(innerDc.Context);
        if (session.Profile.Journey.State != JourneyState.Declaring || innerDc.Context.Activity.Text is not { Length: > 0 } text) return null;
        if (PromptInstance.Current(innerDc)?.QuestionKey == StudentIdQuestion) return null; // a student id is not a Form 01 value
        var current = FieldPrompt.FieldKeyOf(PromptInstance.Current(innerDc));
        var taken = _extraAnswers.Take(text, current, session);
        if (taken.Count == 0) return null;
        await innerDc.Context.SendActivityAsync(MessageFactory.Text(_extraAnswers.ReadBack(taken, session.Profile.Form)), ct);
        if (current is not null && taken.Contains(current)) return await RestartTopicAsync(innerDc, ct);
        await innerDc.RepromptDialogAsync(ct);
        return DialogTurnResult.Waiting;
    }

    private static async Task<DialogTurnResult> RestartTopicAsync(DialogContext innerDc, CancellationToken ct)
    {
        await innerDc.CancelAllDialogsAsync(ct);
        return await innerDc.BeginDialogAsync(StepsId, null, ct);
    }

    private async Task<DialogTurnResult> WelcomeAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var session = StudentSession.From(step.Context);
        if (!session.Profile.Greeted)
        {
            session.Profile.Greeted = true;
            await step.Context.SendActivityAsync(MessageFactory.Text(_texts["conv.greeting"]), ct);
        }
        ExpireIfLate(session);
        switch (session.Profile.Journey.State)
        {
            case JourneyState.NotStarted:
                return await step.PromptAsync(ChoiceId, new PromptOptions
                {
                    Prompt = new PromptText(_texts["conv.ask_installed"]),
                    RetryPrompt = new PromptText(_texts["conv.retry_choice"]),
                    Choices =
                    [
                        new Choice("installed", _texts["conv.choice_installed"], ["rồi", "có", "đã cài", "cài rồi", "có rồi"]),
                        new Choice("guide", _texts["conv.choice_not_installed"], ["chưa", "chưa cài", "hướng dẫn cài"]),
                        new Choice("what", _texts["conv.choice_what_is_vssid"], ["là gì"]),
                    ],
                    QuestionKey = InstalledQuestion,
                }, ct);
            case JourneyState.Installing:
                return await step.BeginDialogAsync(InstallGuideDialog.DialogId, null, ct);
            case JourneyState.Installed or JourneyState.Declaring:
                return await step.NextAsync(null, ct);
            case JourneyState.Expired or JourneyState.Rejected:
                var redeclare = new Choice("redeclare", _texts["conv.redeclare"], ["kê khai lại", "khai lại", "làm lại"]);
                // The "Kê khai lại" button of a reminder sent while no question was open starts the flow itself.
                if (redeclare.IsChosenBy(step.Context.Activity.Text ?? ""))
                    return await step.NextAsync(new FoundChoice(redeclare.Value, 0), ct);
                return await step.PromptAsync(ChoiceId, new PromptOptions
                {
                    Prompt = new PromptText(_texts[session.Profile.Journey.State == JourneyState.Expired ? "conv.expired" : "conv.rejected"]),
                    RetryPrompt = new PromptText(_texts["conv.retry_choice"]),
                    Choices = [redeclare],
                    QuestionKey = RedeclareQuestion,
                }, ct);
            // Until the office visit: when, where, and the printable form again (the link the student may have lost).
            case JourneyState.Declared or JourneyState.Submitted or JourneyState.WaitingForOfficeVisit when session.Profile.Journey.DeclaredAt is { } declaredAt:
                var link = _printLinks?.LinkFor(StudentKey(step.Context), session.Profile.Journey.DeclarationNumber, session.Profile.Journey.ReceiptNumber);
                await step.Context.SendActivityAsync(MessageFactory.Text(_nextSteps.Status(session.Profile.Form, declaredAt, link)), ct);
                return await step.EndDialogAsync(null, ct);
            default:
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts.Format("conv.status_other", ("state", _texts["journey." + session.Profile.Journey.State]))), ct);
                return await step.EndDialogAsync(null, ct);
        }
    }

    /// <summary>Ten days after "Ghi nhận" without the office visit the e-declaration is deleted: the journey says so.</summary>
    private void ExpireIfLate(StudentSession session)
    {
        var record = session.Profile.Journey;
        if (record.State is JourneyState.Declared or JourneyState.Submitted or JourneyState.WaitingForOfficeVisit
            && record.DeclaredAt is { } declaredAt && session.Today > _nextSteps.Deadline(declaredAt))
            session.Journey.TryFire(JourneyTrigger.DeadlinePassed);
    }

    private async Task<DialogTurnResult> AfterInstalledAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var journey = StudentSession.From(step.Context).Journey;
        switch ((step.Result as FoundChoice)?.Value)
        {
            case "installed":
                journey.TryFire(JourneyTrigger.AppInstalled);
                return await step.NextAsync(null, ct);
            case "guide":
                journey.TryFire(JourneyTrigger.StartInstalling);
                return await step.BeginDialogAsync(InstallGuideDialog.DialogId, null, ct);
            case "what":
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts["conv.what_is_vssid"]), ct);
                return await step.ReplaceDialogAsync(StepsId, null, ct);
            case "redeclare":
                Redeclaration.Start(StudentSession.From(step.Context));
                return await step.NextAsync(null, ct);
            default:
                return await step.NextAsync(null, ct);
        }
    }

    private async Task<DialogTurnResult> ConsentAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (StudentSession.From(step.Context).Profile.ConsentGiven) return await step.NextAsync(null, ct);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Prompt = new PromptText(_texts["conv.consent"]),
            RetryPrompt = new PromptText(_texts["conv.retry_choice"]),
            Choices =
            [
                new Choice("agree", _texts["conv.consent_agree"], ["có", "ok", "đồng ý", "vâng", "được"]),
                new Choice("decline", _texts["conv.consent_decline"], ["không", "ko", "không đồng ý"]),
                new Choice("why", _texts["conv.consent_why"], ["để làm gì", "tại sao", "vì sao"]),
            ],
            QuestionKey = ConsentQuestion,
        }, ct);
    }

    private async Task<DialogTurnResult> AfterConsentAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var session = StudentSession.From(step.Context);
        switch ((step.Result as FoundChoice)?.Value)
        {
            case "agree":
                session.Profile.ConsentGivenAt = session.Now;
                return await step.NextAsync(null, ct);
            case "decline":
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts["conv.consent_declined"]), ct);
                return await step.EndDialogAsync(null, ct);
            case "why":
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts["conv.consent_details"]), ct);
                return await step.ReplaceDialogAsync(StepsId, null, ct);
            default:
                return await step.NextAsync(null, ct);
        }
    }

    /// <summary>When the campaign asks for it: the student id, once (an answer or "bỏ qua" is never asked again).</summary>
    private async Task<DialogTurnResult> AskStudentIdAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var profile = StudentSession.From(step.Context).Profile;
        if (!_campaign.AskStudentId || profile.StudentId is not null || profile.StudentIdSkipped) return await step.NextAsync(null, ct);
        return await step.PromptAsync(StudentIdPromptId, new PromptOptions
        {
            Prompt = new PromptText(_texts["conv.ask_student_id"]),
            RetryPrompt = new PromptText(_texts["conv.student_id_retry"]),
            Choices = [SkipChoice()],
            QuestionKey = StudentIdQuestion,
        }, ct);
    }

    private async Task<DialogTurnResult> AfterStudentIdAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var profile = StudentSession.From(step.Context).Profile;
        switch (step.Result)
        {
            case SkipStudentId:
                profile.StudentIdSkipped = true;
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts["conv.student_id_skipped"]), ct);
                break;
            case string id:
                profile.StudentId = id;
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts.Format("conv.student_id_thanks", ("studentId", id))), ct);
                break;
        }
        return await step.NextAsync(null, ct);
    }

    private Choice SkipChoice() => new(SkipStudentId, _texts["conv.student_id_skip"], ["bỏ qua", "để sau", "không nhớ", "skip"]);

    /// <summary>5–15 letters or digits (spaces and dashes typed inside are dropped), or "bỏ qua".</summary>
    private Task<bool> ValidateStudentIdAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        var text = prompt.Recognized.Value ?? "";
        var id = new string(text.Where(c => c is not (' ' or '-' or '.')).ToArray()).ToUpperInvariant();
        if (id.Length is >= 5 and <= 15 && id.All(char.IsAsciiLetterOrDigit))
        {
            prompt.Recognized.Value = id;
            return Task.FromResult(true);
        }
        var skipped = SkipChoice().IsChosenBy(text);
        if (skipped) prompt.Recognized.Value = SkipStudentId;
        return Task.FromResult(skipped);
    }

    private async Task<DialogTurnResult> DeclareAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var session = StudentSession.From(step.Context);
        session.Journey.TryFire(JourneyTrigger.StartDeclaring);
        if (session.Profile.Form.Answers.Count == 0)
        {
            var intro = _texts.Format("conv.form_intro", ("count", _questionCount));
            await step.Context.SendActivityAsync(MessageFactory.Text(_idCard.Enabled ? $"{intro}\n\n{_texts["idcard.form_intro_hint"]}" : intro), ct);
        }
        return await step.BeginDialogAsync(Form01Dialog.DialogId, null, ct);
    }

    private async Task<DialogTurnResult> AfterDeclareAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var session = StudentSession.From(step.Context);
        var journey = session.Journey;
        if (step.Result is true && journey.CanFire(JourneyTrigger.DeclarationConfirmed))
        {
            var record = session.Profile.Journey;
            var number = record.DeclarationNumber + 1;
            // Durable first (the outbox), then the journey moves and the student is told.
            if (_recorder is not null)
                record.ReceiptNumber = (await _recorder.RecordAsync(Confirmed(step.Context, session, number), ct)).ReceiptNumber;
            record.DeclarationNumber = number;
            journey.TryFire(JourneyTrigger.DeclarationConfirmed);
            var declaredAt = record.DeclaredAt ?? session.Now;
            var link = _printLinks?.LinkFor(StudentKey(step.Context), number, record.ReceiptNumber);
            var confirmation = MessageFactory.Text(_nextSteps.Compose(session.Profile.Form, declaredAt, record.ReceiptNumber, link));
            _emailQuestion.Ask(confirmation, session.Profile);
            await step.Context.SendActivityAsync(confirmation, ct);
        }
        return await step.EndDialogAsync(step.Result, ct);
    }

    private static StudentKey StudentKey(ITurnContext context) => Conversation.StudentKey.Of(context.Activity);

    private ConfirmedDeclaration Confirmed(ITurnContext context, StudentSession session, int number)
    {
        var activity = context.Activity;
        var studentKey = StudentKey(context);
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{studentKey}#{number}"))).ToLowerInvariant();
        return new ConfirmedDeclaration(key, studentKey, activity.ChannelId, activity.GetConversationReference(),
            new Dictionary<string, FieldAnswer>(session.Profile.Form.Answers), _formVersion, session.Now);
    }
}
