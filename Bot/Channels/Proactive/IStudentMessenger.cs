using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.FollowUp;

namespace VssBot.Bot.Channels.Proactive;

/// <summary>
/// The one way to reach a student outside their own turn (declarations accepted or decided, the countdown, agents'
/// replies, school reminders): a proactive turn of the student's conversation on the adapter of the channel they used,
/// through the same turn pipeline as their own messages — serialised with their turns by the conversation gate,
/// recorded for the console, state loaded and saved as in any turn. It never throws for a channel's failure: the
/// <see cref="ProactiveResult"/> says delivered, outside the reply window, no route, or failed (and why).
/// Routing a reminder elsewhere (template message, e-mail) is the caller's decision, made on that result.
/// </summary>
public interface IStudentMessenger
{
    /// <summary>Whether a message can be sent to this conversation first (false: terminal, or no serviceUrl).</summary>
    bool CanReach(ConversationReference reference);

    /// <summary>
    /// Runs <paramref name="callback"/> as a turn of the student's conversation. When the channel has no route the turn
    /// still runs (state is saved) on an adapter that delivers nothing, and the result is <see cref="ProactiveDelivery.NoRoute"/>
    /// if it tried to send. An exception thrown by the callback is reported as <see cref="ProactiveDelivery.Failed"/>;
    /// the conversation state is kept.
    /// </summary>
    Task<ProactiveResult> ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);

    /// <summary>
    /// A proactive turn over the student's profile: loads it, lets <paramref name="step"/> change it and say what to
    /// send (see <see cref="StudentFollowUp"/>), sends that, saves the profile.
    /// </summary>
    Task<ProfileTurnResult> ContinueWithProfileAsync(ConversationReference reference, Func<StudentProfile, FollowUpStep> step, CancellationToken cancellationToken);
}

/// <summary>What a profile turn decided (<see cref="Step"/>, null if the turn never ran) and what became of its messages.</summary>
public sealed record ProfileTurnResult(ProactiveResult Delivery, FollowUpStep? Step);
