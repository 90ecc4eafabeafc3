using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.BotFramework;

namespace VssBot.Bot.Channels.Proactive;

/// <summary>A channel of ours with its own adapter (Direct Line, Messenger, Zalo): which channel ids it serves.</summary>
public sealed record ChannelAdapterRegistration(IReadOnlyList<string> ChannelIds, Func<IServiceProvider, BotAdapter> Adapter);

/// <summary>
/// Proactive turns (a declaration accepted, a countdown reminder, an agent's reply) run on the adapter of the channel
/// the student used: our own channels' adapters by channel id, every other channel through Bot Framework's CloudAdapter.
/// </summary>
public sealed class ChannelAdapters(IServiceProvider services, IEnumerable<ChannelAdapterRegistration> registrations,
    CloudAdapter cloudAdapter, IOptions<BotFrameworkOptions> botFramework)
{
    private readonly IReadOnlyList<ChannelAdapterRegistration> _registrations = registrations.ToList();

    public BotAdapter For(string channelId)
        => _registrations.FirstOrDefault(r => r.ChannelIds.Contains(channelId, StringComparer.OrdinalIgnoreCase)) is { } own
            ? own.Adapter(services)
            : cloudAdapter;

    /// <summary>Whether a proactive turn can reach this conversation at all.</summary>
    public bool CanReach(ConversationReference reference)
        => !ReferenceEquals(For(reference.ChannelId), cloudAdapter) || !string.IsNullOrWhiteSpace(reference.ServiceUrl);

    /// <summary>
    /// Runs <paramref name="callback"/> as a turn of the student's conversation, through that channel's pipeline.
    /// Returns why the turn's replies could not be delivered, or null when they were (or there were none).
    /// </summary>
    public async Task<string?> ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var report = new Turns.DeliveryReport();
        await For(reference.ChannelId).ContinueConversationAsync(botFramework.Value.MicrosoftAppId ?? "", reference, (context, ct) =>
        {
            context.TurnState.Add(report);
            return callback(context, ct);
        }, cancellationToken);
        return report.Failure;
    }
}

/// <summary>
/// Agents' replies on our own channels: sent straight through the channel adapter (no turn pipeline, since the agent's
/// turn already holds the conversation), e.g. appended to the Direct Line log, or through the Messenger/Zalo send APIs
/// with their reply-window rules.
/// </summary>
public sealed class RegisteredAdapterChannels(IServiceProvider services, IEnumerable<ChannelAdapterRegistration> registrations) : Agents.HandOff.IProactiveChannel
{
    private readonly IReadOnlyList<ChannelAdapterRegistration> _registrations = registrations.ToList();

    public bool Serves(string channelId) => Find(channelId) is not null;

    public async Task SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        var adapter = Find(reference.ChannelId)?.Adapter(services) ?? throw new InvalidOperationException($"No adapter serves '{reference.ChannelId}'.");
        using var context = new TurnContext(adapter, reference.GetContinuationActivity());
        var report = new Turns.DeliveryReport();
        context.TurnState.Add(report);
        var outgoing = (Activity)activity;
        outgoing.ApplyConversationReference(reference);
        await adapter.SendActivitiesAsync(context, [outgoing], cancellationToken);
        // Declined by the channel's rules (recorded there as undelivered): the caller's turn hears why.
        if (report.Refused) throw new Turns.MessageRefusedException(report.Failure ?? "refused by the channel");
    }

    private ChannelAdapterRegistration? Find(string channelId)
        => _registrations.FirstOrDefault(r => r.ChannelIds.Contains(channelId, StringComparer.OrdinalIgnoreCase));
}

public static class ChannelAdaptersServiceCollectionExtensions
{
    public static IServiceCollection AddProactiveChannels(this IServiceCollection services)
        => services.AddSingleton<ChannelAdapters>()
            .AddSingleton<Agents.HandOff.IProactiveChannel, RegisteredAdapterChannels>();

    /// <summary>Called by a channel's registration: proactive turns for these channel ids run on this adapter.</summary>
    public static IServiceCollection AddChannelAdapter<TAdapter>(this IServiceCollection services, params string[] channelIds) where TAdapter : BotAdapter
        => services.AddSingleton(new ChannelAdapterRegistration(channelIds, sp => sp.GetRequiredService<TAdapter>()));
}
