using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Agents.Console;
using VssBot.Bot.Turns;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Agents.Directory;

/// <summary>Messages an agent wrote in this turn (the rest of what the turn sends is the bot's).</summary>
public sealed class AgentAuthored
{
    public HashSet<IActivity> Activities { get; } = new(ReferenceEqualityComparer.Instance);
}

/// <summary>
/// After every turn of every channel: the student's message and the replies go to the transcript, the student's state
/// (journey, open escalation) to the directory, and the open consoles are told. Runs outside the state-conflict retry,
/// so a re-run turn is recorded once (replies dropped by a re-run could be recorded too: rare, multi-instance only).
/// </summary>
public sealed class ConversationRecorder(StudentDirectory directory, StudentTranscript transcript, StudentBot bot,
    AgentEvents events, TimeProvider clock, ILogger<ConversationRecorder> logger) : ITurnObserver
{
    public const string AttachmentMarker = "[tệp đính kèm]";

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.From?.Id is not { Length: > 0 } || activity.Conversation?.Id is not { Length: > 0 })
        {
            await next(cancellationToken);
            return;
        }

        var sent = new List<Activity>();
        var seen = new HashSet<Activity>(ReferenceEqualityComparer.Instance);
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            foreach (var a in activities.Where(a => a.Type == ActivityTypes.Message && seen.Add(a)))
                sent.Add(a);
            return await nextSend();
        });

        await next(cancellationToken);

        try
        {
            await RecordAsync(turnContext, sent, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The student's turn went through; only the console misses it.
            logger.LogWarning("Turn {ActivityId}: the conversation could not be recorded for the agents: {Error}",
                activity.Id, ExceptionSummary.Describe(e));
        }
    }

    private async Task RecordAsync(ITurnContext turnContext, List<Activity> sent, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var key = StudentDirectory.KeyOf(activity);
        var now = clock.GetUtcNow();
        var agentAuthored = turnContext.TurnState.Get<AgentAuthored>();
        var lines = new List<(Sender, string)>();
        if (activity.Type == ActivityTypes.Message)
        {
            if (!string.IsNullOrWhiteSpace(activity.Text)) lines.Add((Sender.Student, activity.Text));
            if (activity.Attachments?.Count > 0) lines.Add((Sender.Student, AttachmentMarker));
        }
        foreach (var reply in sent.Where(r => !string.IsNullOrWhiteSpace(r.Text)))
            lines.Add((agentAuthored?.Activities.Contains(reply) == true ? Sender.Agent : Sender.Bot, reply.Text));
        await transcript.AppendAsync(key, lines, now, cancellationToken);

        StudentProfile? profile;
        try
        {
            profile = await bot.Profiles.GetAsync(turnContext, null, cancellationToken);
        }
        catch (MissingMemberException)
        {
            profile = null; // nobody has spoken yet (a conversation update)
        }
        var queueChanged = await directory.RecordTurnAsync(key, activity.GetConversationReference(), profile, now, cancellationToken);
        if (lines.Count > 0) events.Publish(new AgentEvent("message", key));
        if (queueChanged) events.Publish(new AgentEvent("queue", key));
    }
}
