using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.BotFramework;
using VssBot.Bot.Turns;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.FollowUp;

namespace VssBot.Bot.Channels.Proactive;

/// <summary>A channel of ours with its own adapter (Direct Line, Messenger, Zalo): which channel ids it serves.</summary>
public sealed record ChannelAdapterRegistration(IReadOnlyList<string> ChannelIds, Func<IServiceProvider, BotAdapter> Adapter);

/// <summary>
/// <see cref="IStudentMessenger"/>: our own channels' adapters by channel id, every other channel with a serviceUrl
/// through Bot Framework's CloudAdapter (Connector API with the bot's credentials), the rest through
/// <see cref="NoRouteAdapter"/>. All of them run the shared turn pipeline.
/// </summary>
public sealed class StudentMessenger(IServiceProvider services, IEnumerable<ChannelAdapterRegistration> registrations,
    CloudAdapter cloudAdapter, NoRouteAdapter noRoute, StudentBot bot,
    IOptions<BotFrameworkOptions> botFramework, ILogger<StudentMessenger> logger) : IStudentMessenger
{
    /// <summary>Channels Azure Bot Service relays (the Connector API with a serviceUrl); anything else has no route of its own.</summary>
    private static readonly HashSet<string> BotFrameworkChannels = new(StringComparer.OrdinalIgnoreCase)
    {
        "emulator", "webchat", "directline", "msteams", "slack", "telegram", "line", "groupme", "email", "sms", "facebook", "omnichannel",
    };

    private readonly IReadOnlyList<ChannelAdapterRegistration> registrations = registrations.ToList();

    public bool CanReach(ConversationReference reference) => Route(reference) is not NoRouteAdapter;

    public async Task<ProactiveResult> ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var adapter = Route(reference);
        var report = new DeliveryReport();
        try
        {
            await adapter.ContinueConversationAsync(botFramework.Value.MicrosoftAppId ?? "", reference, (context, ct) =>
            {
                context.TurnState.Add(report);
                // Registered inside the turn: runs after the state-conflict retry released the replies, i.e. counts what was really handed over.
                context.OnSendActivities(async (_, activities, next) =>
                {
                    var responses = await next();
                    report.Sent += activities.Count(a => a.Type == ActivityTypes.Message);
                    return responses;
                });
                return callback(context, ct);
            }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The adapter could not even start the turn (e.g. credentials for the Connector API).
            report.Failure ??= ExceptionSummary.Describe(e, withStack: false);
        }

        var result = report switch
        {
            { Failure: null } when adapter is NoRouteAdapter && report.Sent > 0 => new ProactiveResult(ProactiveDelivery.NoRoute, 0, NoRouteAdapter.Reason(reference)),
            { Failure: null } => new ProactiveResult(ProactiveDelivery.Delivered, report.Sent, null),
            { Refused: true } => new ProactiveResult(ProactiveDelivery.OutsideWindow, report.Sent, report.Failure),
            _ => new ProactiveResult(ProactiveDelivery.Failed, report.Sent, report.Failure),
        };
        if (result.Delivery is ProactiveDelivery.Failed)
            logger.LogWarning("Proactive turn on {ChannelId}: {Result}", reference.ChannelId, result);
        return result;
    }

    public async Task<ProfileTurnResult> ContinueWithProfileAsync(ConversationReference reference, Func<StudentProfile, FollowUpStep> step, CancellationToken cancellationToken)
    {
        FollowUpStep? decided = null;
        var delivery = await ContinueAsync(reference, async (context, ct) =>
        {
            var profile = await bot.Profiles.GetAsync(context, () => new StudentProfile(), ct);
            decided = step(profile);
            if (!decided.Changed) return;
            foreach (var message in decided.Messages)
                await context.SendActivityAsync(message, ct);
            await bot.State.SaveProfileAsync(context, ct);
        }, cancellationToken);
        return new ProfileTurnResult(delivery, decided);
    }

    private BotAdapter Route(ConversationReference reference)
    {
        if (registrations.FirstOrDefault(r => r.ChannelIds.Contains(reference.ChannelId, StringComparer.OrdinalIgnoreCase)) is { } own)
            return own.Adapter(services);
        return !string.IsNullOrWhiteSpace(reference.ServiceUrl) && BotFrameworkChannels.Contains(reference.ChannelId ?? "")
            ? cloudAdapter
            : noRoute;
    }
}

/// <summary>
/// Proactive turns for a conversation the bot cannot message first: the turn runs (the journey still moves and is
/// saved), what it sends goes nowhere and the messenger reports <see cref="ProactiveDelivery.NoRoute"/>.
/// </summary>
public sealed class NoRouteAdapter : ChannelAdapter
{
    public static string Reason(ConversationReference reference) => reference.ChannelId == Terminal.TerminalAdapter.ChannelId
        ? "the terminal cannot be messaged first"
        : string.IsNullOrWhiteSpace(reference.ServiceUrl) ? "the conversation has no serviceUrl" : $"no proactive route for channel '{reference.ChannelId}'";

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        => Task.FromResult(activities.Select(a => new ResourceResponse(a.Id ?? "")).ToArray());
}

public static class StudentMessengerServiceCollectionExtensions
{
    public static IServiceCollection AddStudentMessenger(this IServiceCollection services)
        => services.AddSingleton(sp => new NoRouteAdapter().UseTurnPipeline(sp))
            .AddSingleton<StudentMessenger>()
            .AddSingleton<IStudentMessenger>(sp => sp.GetRequiredService<StudentMessenger>());

    /// <summary>Called by a channel's registration: proactive turns for these channel ids run on this adapter.</summary>
    public static IServiceCollection AddChannelAdapter<TAdapter>(this IServiceCollection services, params string[] channelIds) where TAdapter : BotAdapter
        => services.AddSingleton(new ChannelAdapterRegistration(channelIds, sp => sp.GetRequiredService<TAdapter>()));
}
