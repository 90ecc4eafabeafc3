using Microsoft.Bot.Builder;
using VssBot.Bot.Agents.Console;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Channels.Proactive;
using VssBot.Dialogs.FollowUp;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Agents.HandOff;

public enum HandOffResult { Done, NotFound, Unreachable, HeldByAnother, NotHeld }

/// <summary>The outcome of an agent's correction: the stored display value, or why the answer was refused.</summary>
public sealed record CorrectionResult(bool Accepted, string? Display, string? Problem);

/// <summary>A console action's turn failed (not the channel's rules: those are reported as outcomes).</summary>
public sealed class ProactiveTurnException(ProactiveResult result) : Exception("The student's conversation could not be continued: " + result)
{
    public ProactiveResult Result { get; } = result;
}

/// <summary>
/// Take over, reply, hand back: the journey goes to WithPerson (the bot stays silent) and back to where it was, and the
/// student hears it through their own channel. Every change to the student's state runs as a turn of their conversation.
/// </summary>
public sealed class HandOffService(StudentDirectory directory, IStudentMessenger messenger, StudentFollowUp followUp, StudentBot bot,
    Form01Definition form, FieldReaders readers, BotTexts texts, AgentEvents events, TimeProvider clock)
{
    public const string TakenOverNotice = "Chào bạn, mình là nhân viên hỗ trợ. Từ giờ mình sẽ trực tiếp trả lời bạn trong cuộc trò chuyện này nhé.";
    public const string HandedBackNotice = "Cảm ơn bạn! Mình chuyển bạn lại cho trợ lý ảo để tiếp tục từ chỗ bạn đang dừng.";

    public async Task<HandOffResult> TakeOverAsync(string studentKey, string agent, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(studentKey, cancellationToken) is not { } entry) return HandOffResult.NotFound;
        if (!messenger.CanReach(entry.Reference)) return HandOffResult.Unreachable;
        if (!await directory.TryClaimAsync(studentKey, agent, clock.GetUtcNow(), cancellationToken)) return HandOffResult.HeldByAnother;
        var result = await messenger.ContinueAsync(entry.Reference, async (context, ct) =>
        {
            var profile = await bot.Profiles.GetAsync(context, () => new StudentProfile(), ct);
            followUp.TakenOver(profile);
            await bot.State.SaveProfileAsync(context, ct);
            await SendAsAgentAsync(context, TakenOverNotice, ct);
        }, cancellationToken);
        if (result.Delivery == ProactiveDelivery.Failed)
        {
            await directory.ReleaseAsync(studentKey, agent, clock.GetUtcNow(), resolved: false, CancellationToken.None);
            throw new ProactiveTurnException(result);
        }
        await events.PublishAsync(new AgentEvent("queue", studentKey), CancellationToken.None);
        return HandOffResult.Done;
    }

    public async Task<HandOffResult> ReplyAsync(string studentKey, string agent, string text, CancellationToken cancellationToken)
    {
        var (result, entry) = await HeldEntryAsync(studentKey, agent, cancellationToken);
        if (entry is null) return result;
        await messenger.ContinueAsync(entry.Reference, (context, ct) => SendAsAgentAsync(context, text, ct), cancellationToken);
        return HandOffResult.Done;
    }

    public async Task<HandOffResult> HandBackAsync(string studentKey, string agent, CancellationToken cancellationToken)
    {
        var (result, entry) = await HeldEntryAsync(studentKey, agent, cancellationToken);
        if (entry is null) return result;
        await messenger.ContinueAsync(entry.Reference, async (context, ct) =>
        {
            var profile = await bot.Profiles.GetAsync(context, () => new StudentProfile(), ct);
            followUp.HandedBack(profile);
            await SendAsAgentAsync(context, HandedBackNotice, ct);
            // Saves user and conversation state, and asks the open question again.
            await bot.ResumeAsync(context, ct);
        }, cancellationToken);
        await directory.ReleaseAsync(studentKey, agent, clock.GetUtcNow(), resolved: true, cancellationToken);
        await events.PublishAsync(new AgentEvent("queue", studentKey), CancellationToken.None);
        return HandOffResult.Done;
    }

    /// <summary>An agent corrects one Form 01 answer on the student's behalf, read and validated as the bot would.</summary>
    public async Task<CorrectionResult?> CorrectAsync(string studentKey, string fieldKey, string text, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(studentKey, cancellationToken) is not { } entry) return null;
        if (form.Find(fieldKey) is not { } field || !readers.Has(field.Kind))
            return new CorrectionResult(false, null, "Trường này không sửa được từ bảng điều khiển.");
        CorrectionResult? outcome = null;
        await messenger.ContinueAsync(entry.Reference, async (context, ct) =>
        {
            var profile = await bot.Profiles.GetAsync(context, () => new StudentProfile(), ct);
            var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(StudentSession.VietnamOffset).DateTime);
            var reading = readers.For(field.Kind).Read(new FieldInput(text, [], field, profile.Form, today, texts, new Dictionary<string, object>()));
            if (reading.Answer is { } answer)
            {
                profile.Form.Set(field.Key, answer);
                await bot.State.SaveProfileAsync(context, ct);
                outcome = new CorrectionResult(true, answer.Display, reading.Note);
            }
            else
            {
                outcome = new CorrectionResult(false, null, reading.Problem ?? reading.Suggestion?.Question ?? "Giá trị không hợp lệ.");
            }
        }, cancellationToken);
        return outcome;
    }

    private async Task<(HandOffResult Result, DirectoryEntry? Entry)> HeldEntryAsync(string studentKey, string agent, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(studentKey, cancellationToken) is not { } entry) return (HandOffResult.NotFound, null);
        if (entry.HeldBy is null) return (HandOffResult.NotHeld, null);
        if (entry.HeldBy != agent) return (HandOffResult.HeldByAnother, null);
        return (HandOffResult.Done, entry);
    }

    private static Task SendAsAgentAsync(ITurnContext context, string text, CancellationToken cancellationToken)
    {
        var message = MessageFactory.Text(text);
        var authored = context.TurnState.Get<AgentAuthored>();
        if (authored is null)
            context.TurnState.Add(authored = new AgentAuthored());
        authored.Activities.Add(message);
        return context.SendActivityAsync(message, cancellationToken);
    }
}
