using System.Threading.Channels;
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
/// Off the turn's path: the turn only queues its record; one writer at a time writes the queue in order, what queued
/// up during a write going in the next one together (one transaction per table, not two per turn), so the student's
/// answer never waits for the console's tables and the writer keeps up with any number of students. The queue is
/// bounded: a turn waits only if the writer is <see cref="Capacity"/> records behind (memory stays bounded). Readers of
/// the directory and transcript wait for what was queued before them (<see cref="PendingRecords"/>); the host's
/// shutdown waits for the queue (<see cref="FlushAsync"/>). A crash loses the records of the last moments (the
/// console's copy only: the student's state is saved by the turn itself).
/// </summary>
public sealed class ConversationRecorder(StudentDirectory directory, StudentTranscript transcript, StudentBot bot,
    AgentEvents events, PendingRecords pending, TimeProvider clock, ILogger<ConversationRecorder> logger) : ITurnObserver
{
    public const string AttachmentMarker = "[tệp đính kèm]";

    /// <summary>Records queued at most; a turn that finds the queue full waits for room.</summary>
    public const int Capacity = 4096;

    /// <summary>Records written together at most.</summary>
    private const int BatchSize = 256;

    private readonly Channel<TurnRecord> queue = Channel.CreateBounded<TurnRecord>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly Lock sync = new();
    private Task draining = Task.CompletedTask;

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
            await EnqueueAsync(await RecordOfAsync(turnContext, sent, cancellationToken), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The student's turn went through; only the console misses it.
            logger.LogWarning("Turn {ActivityId}: the conversation could not be recorded for the agents: {Error}",
                activity.Id, ExceptionSummary.Describe(e));
        }
    }

    /// <summary>Completes when every record queued so far is written (the host's shutdown).</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => pending.WhenWrittenAsync(cancellationToken);

    /// <summary>What the turn leaves for the console, taken while the turn's state is at hand.</summary>
    private async Task<TurnRecord> RecordOfAsync(ITurnContext turnContext, List<Activity> sent, CancellationToken cancellationToken)
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

        StudentProfile? profile;
        try
        {
            profile = await bot.Profiles.GetAsync(turnContext, null, cancellationToken);
        }
        catch (MissingMemberException)
        {
            profile = null; // nobody has spoken yet (a conversation update)
        }
        // A summary now, not the profile: the next turn may change the profile's objects before the record is written.
        return new TurnRecord(activity.Id, key, lines, activity.GetConversationReference(), directory.Summarize(profile), now);
    }

    private async Task EnqueueAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        pending.Added();
        try
        {
            if (!queue.Writer.TryWrite(record))
                await queue.Writer.WriteAsync(record, cancellationToken); // full: wait for the writer
        }
        catch
        {
            pending.Written(1); // not queued: nobody waits for it
            throw;
        }
        lock (sync)
            if (draining.IsCompleted)
                draining = Task.Run(DrainAsync);
    }

    /// <summary>Writes the queue in order, up to <see cref="BatchSize"/> records at a time, until it is empty; the next turn starts a new drain.</summary>
    private async Task DrainAsync()
    {
        var batch = new List<TurnRecord>(BatchSize);
        while (true)
        {
            while (batch.Count < BatchSize && queue.Reader.TryRead(out var record))
                batch.Add(record);
            if (batch.Count > 0)
            {
                await WriteAsync(batch);
                pending.Written(batch.Count);
                batch.Clear();
                continue;
            }
            lock (sync)
            {
                // A record queued after the last TryRead but before this lock finds draining still running: read again.
                if (!queue.Reader.TryPeek(out _))
                {
                    draining = Task.CompletedTask;
                    return;
                }
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<TurnRecord> batch)
    {
        await AllOrEachAsync(batch, async records =>
        {
            await transcript.AppendAsync([.. records.Select(r => new TranscriptEntry(r.StudentKey, r.Lines, r.At))], CancellationToken.None);
            return [.. records.Select(_ => false)];
        });
        var queueChanged = await AllOrEachAsync(batch, records =>
            directory.RecordTurnsAsync([.. records.Select(r => new DirectoryUpdate(r.StudentKey, r.Reference, r.Student, r.At))], CancellationToken.None));
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                if (batch[i].Lines.Count > 0) await events.PublishAsync(new AgentEvent("message", batch[i].StudentKey));
                if (queueChanged[i]) await events.PublishAsync(new AgentEvent("queue", batch[i].StudentKey));
            }
            catch (Exception e)
            {
                logger.LogWarning("Turn {ActivityId}: the consoles could not be told: {Error}", batch[i].ActivityId, ExceptionSummary.Describe(e));
            }
        }
    }

    /// <summary>
    /// Writes the records together; if that fails, each alone, so one record that cannot be written does not cost the
    /// others theirs. A record that still fails is logged (by activity id) and skipped: the console misses that turn only.
    /// </summary>
    private async Task<IReadOnlyList<bool>> AllOrEachAsync(IReadOnlyList<TurnRecord> batch, Func<IReadOnlyList<TurnRecord>, Task<IReadOnlyList<bool>>> write)
    {
        if (batch.Count > 1)
        {
            try
            {
                return await write(batch);
            }
            catch (Exception e)
            {
                logger.LogWarning("{Count} turns could not be recorded together, recording them one by one: {Error}", batch.Count, ExceptionSummary.Describe(e));
            }
        }
        var results = new List<bool>(batch.Count);
        foreach (var record in batch)
        {
            try
            {
                results.AddRange(await write([record]));
            }
            catch (Exception e)
            {
                logger.LogWarning("Turn {ActivityId}: the conversation could not be recorded for the agents: {Error}",
                    record.ActivityId, ExceptionSummary.Describe(e));
                results.Add(false);
            }
        }
        return results;
    }

    private sealed record TurnRecord(string? ActivityId, string StudentKey, List<(Sender, string)> Lines,
        ConversationReference Reference, StudentSummary? Student, DateTimeOffset At);
}
