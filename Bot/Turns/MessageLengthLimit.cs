using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Turns;

/// <summary>
/// Bounded work per message on every channel (issue 10, row 5): a message longer than <see cref="MaxCharacters"/> gets a
/// polite reply and goes no further: not read by the conversation, not recorded in the transcript, state untouched, so
/// the question asked before still waits for its answer.
/// </summary>
public sealed class MessageLengthLimit(BotTexts texts, ILogger<MessageLengthLimit> logger) : Microsoft.Bot.Builder.IMiddleware
{
    /// <summary>Far above any Form 01 answer or question a student types, far below what could cost noticeable CPU.</summary>
    public const int MaxCharacters = 2000;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Type == ActivityTypes.Message && activity.Text is { Length: > MaxCharacters } text)
        {
            logger.LogInformation("Turn {ActivityId} on {ChannelId}: a message of {Length} characters was not read (limit {Max})",
                activity.Id, activity.ChannelId, text.Length, MaxCharacters);
            await turnContext.SendActivityAsync(texts.Format("conv.too_long", ("max", MaxCharacters.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")))),
                cancellationToken: cancellationToken);
            return;
        }
        await next(cancellationToken);
    }
}
