using Microsoft.Bot.Builder;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Install;

/// <summary>
/// Installing VssID: which phone, the store steps and link, help when the app is not found or won't install,
/// until the student says it is installed (the journey then moves to "installed").
/// </summary>
public sealed class InstallGuideDialog : ComponentDialog
{
    public const string DialogId = "install";
    public const string PlatformQuestion = "install:platform";
    public const string DoneQuestion = "install:done";
    private const string StepsId = "install.steps";
    private const string WaitId = "install.wait";
    private const string ChoiceId = "install.choice";
    private const string Android = "android";
    private const string Ios = "ios";
    private const string Installed = "installed";
    private const string NotFound = "notFound";
    private const string Failed = "failed";
    private readonly BotTexts _texts;

    public InstallGuideDialog(BotTexts texts) : base(DialogId)
    {
        _texts = texts;
        AddDialog(new WaterfallDialog(StepsId).AddStep(AskPlatformAsync, "platform").AddStep(ShowStepsAsync, "steps"));
        AddDialog(new WaterfallDialog(WaitId).AddStep(AskDoneAsync, "askDone").AddStep(AfterDoneAsync, "afterDone"));
        AddDialog(new ChoicePrompt(ChoiceId));
    }

    /// <summary>Back from "installed yet?" forgets the platform so the student can pick again.</summary>
    public static void ForgetPlatform(StudentProfile profile) => profile.Platform = null;

    private async Task<DialogTurnResult> AskPlatformAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var platform = StudentSession.From(step.Context).Profile.Platform;
        if (platform is not null) return await step.NextAsync(new FoundChoice(platform, 0), ct);
        return await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Prompt = new PromptText(_texts["install.ask_platform"]),
            RetryPrompt = new PromptText(_texts["conv.retry_choice"]),
            Choices =
            [
                new Choice(Android, _texts["install.android"], ["android", "ch play", "google play", "samsung", "oppo", "xiaomi", "vivo", "realme", "nokia", "vsmart"]),
                new Choice(Ios, _texts["install.ios"], ["iphone", "ios", "ip", "app store", "apple", "ipad"]),
            ],
            QuestionKey = PlatformQuestion,
        }, ct);
    }

    private async Task<DialogTurnResult> ShowStepsAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var platform = ((FoundChoice)step.Result!).Value;
        StudentSession.From(step.Context).Profile.Platform = platform;
        await step.Context.SendActivityAsync(MessageFactory.Text(_texts[platform == Ios ? "install.steps_ios" : "install.steps_android"]), ct);
        return await step.ReplaceDialogAsync(WaitId, null, ct);
    }

    private async Task<DialogTurnResult> AskDoneAsync(WaterfallStepContext step, CancellationToken ct)
        => await step.PromptAsync(ChoiceId, new PromptOptions
        {
            Prompt = new PromptText(_texts["install.ask_done"]),
            RetryPrompt = new PromptText(_texts["conv.retry_choice"]),
            Choices =
            [
                new Choice(Installed, _texts["install.done"], ["xong", "xong rồi", "cài xong", "đã cài", "rồi", "ok", "được rồi", "cài được rồi"]),
                new Choice(NotFound, _texts["install.not_found"], ["không thấy", "ko thấy", "không tìm thấy", "tìm không ra"]),
                new Choice(Failed, _texts["install.failed"], ["lỗi", "không cài được", "ko cài được", "bị lỗi", "không tải được"]),
            ],
            QuestionKey = DoneQuestion,
        }, ct);

    private async Task<DialogTurnResult> AfterDoneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        switch (((FoundChoice)step.Result!).Value)
        {
            case Installed:
                StudentSession.From(step.Context).Journey.TryFire(JourneyTrigger.AppInstalled);
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts["install.installed"]), ct);
                return await step.EndDialogAsync(true, ct);
            case NotFound:
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts["install.help_not_found"]), ct);
                return await step.ReplaceDialogAsync(WaitId, null, ct);
            default:
                await step.Context.SendActivityAsync(MessageFactory.Text(_texts["install.help_failed"]), ct);
                return await step.ReplaceDialogAsync(WaitId, null, ct);
        }
    }
}
