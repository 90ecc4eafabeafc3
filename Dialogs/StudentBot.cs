using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs;

/// <summary>
/// The bot every channel talks to: loads the student's profile and dialog stack, runs one turn of
/// <see cref="MainDialog"/>, saves both. A stack written by dialogs of another version is not resumed:
/// the topic restarts politely and, since known answers are skipped, lands on the same question.
/// </summary>
public sealed class StudentBot : IBot
{
    private readonly StudentState _state;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly IStatePropertyAccessor<StudentProfile> _profile;
    private readonly DialogSet _dialogs;
    private readonly string _version;
    private readonly BotTexts _texts;
    private readonly MaxAttemptsEscalation _escalation;
    private readonly TimeProvider _clock;
    private readonly ILogger<StudentBot> _logger;

    public StudentBot(StudentState state, MainDialog mainDialog, BotTexts texts,
        MaxAttemptsEscalation escalation, TimeProvider clock, ILogger<StudentBot> logger)
    {
        _state = state;
        _dialogState = state.DialogStack;
        _profile = state.Profile;
        _dialogs = new DialogSet(_dialogState).Add(mainDialog);
        _version = _dialogs.GetVersion();
        _texts = texts;
        _escalation = escalation;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The user-state property the student's profile is kept in (hosts read it from storage by this name).</summary>
    public const string ProfileProperty = "student";

    /// <summary>The user-state accessor other parts (agents, reminders) read the profile through.</summary>
    public IStatePropertyAccessor<StudentProfile> Profiles => _profile;

    /// <summary>The student's state this bot reads and writes (what other parts save a changed profile through).</summary>
    public StudentState State => _state;

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var isMessage = activity.Type == ActivityTypes.Message;
        var someoneJoined = activity.Type == ActivityTypes.ConversationUpdate
            && activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true;
        if (!isMessage && !someoneJoined) return;

        var profile = await _profile.GetAsync(turnContext, () => new StudentProfile(), cancellationToken);
        // A hotline agent holds the conversation: the agent answers, the dialogs stay silent.
        if (profile.Journey.State == JourneyState.WithPerson) return;
        turnContext.TurnState.Add(StudentSession.TurnStateKey, new StudentSession(profile, _clock));
        turnContext.TurnState.Add<IPromptEscalation>(_escalation);

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        if (state.DialogStack.Count > 0 && state.Version != _version)
        {
            _logger.LogInformation("Dialog stack of version {Old} dropped for version {New}", state.Version, _version);
            state.DialogStack.Clear();
            await turnContext.SendActivityAsync(MessageFactory.Text(_texts["conv.updated"]), cancellationToken);
        }
        var dc = new DialogContext(_dialogs, turnContext, state);

        var result = isMessage ? await dc.ContinueDialogAsync(cancellationToken) : DialogTurnResult.Empty;
        // Nothing open any more and nothing said: the message starts (or resumes) the student's way.
        if (dc.ActiveDialog is null && (result.Status == DialogTurnStatus.Empty || !HeldReplies.Answered(turnContext)))
            await dc.BeginDialogAsync(MainDialog.DialogId, null, cancellationToken);
        state.Version = _version;

        await _state.SaveAsync(turnContext, cancellationToken);
    }

    /// <summary>
    /// After a hotline agent hands the student back (a proactive turn): asks the open question again, or starts
    /// the student's way where it needs to be when no question is open. Saves both states.
    /// </summary>
    public async Task ResumeAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var profile = await _profile.GetAsync(turnContext, () => new StudentProfile(), cancellationToken);
        if (profile.Journey.State == JourneyState.WithPerson) return;
        turnContext.TurnState.Add(StudentSession.TurnStateKey, new StudentSession(profile, _clock));
        turnContext.TurnState.Add<IPromptEscalation>(_escalation);

        var state = await _dialogState.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        if (state.DialogStack.Count > 0 && state.Version != _version)
            state.DialogStack.Clear();
        var dc = new DialogContext(_dialogs, turnContext, state);
        if (dc.ActiveDialog is not null)
            await dc.RepromptDialogAsync(cancellationToken);
        else
            await dc.BeginDialogAsync(MainDialog.DialogId, null, cancellationToken);
        state.Version = _version;

        await _state.SaveAsync(turnContext, cancellationToken);
    }
}
