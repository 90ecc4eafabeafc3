using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Bot.Turns;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Agents.HandOff;

/// <summary>
/// The agents' adapter: proactive turns run through the shared turn pipeline (gate, recorder, state-conflict retry), and
/// what they send goes to the <see cref="IProactiveChannel"/> that serves the student's channel.
/// </summary>
public sealed class StudentMessenger : BotAdapter, IStudentMessenger
{
    private readonly IReadOnlyList<IProactiveChannel> channels;
    private readonly StudentBot bot;

    public StudentMessenger(IEnumerable<IProactiveChannel> channels, StudentBot bot, IServiceProvider services)
    {
        // The Bot Framework channel last: a channel built for one platform wins over the generic connector.
        this.channels = [.. channels.OrderBy(c => c is CloudAdapterChannel ? 1 : 0)];
        this.bot = bot;
        this.UseTurnPipeline(services);
    }

    public bool CanReach(string channelId) => ChannelFor(channelId) is not null;

    public async Task<DeliveryReport> ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var report = new DeliveryReport();
        await ContinueConversationAsync(reference.Bot?.Id ?? "", reference, (context, ct) =>
        {
            context.TurnState.Add(report);
            return callback(context, ct);
        }, cancellationToken);
        return report;
    }

    public async Task<StudentProfile?> ReadProfileAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        try
        {
            return await bot.Profiles.GetAsync(context, null, cancellationToken);
        }
        catch (MissingMemberException)
        {
            return null;
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var reference = turnContext.Activity.GetConversationReference();
        var channel = ChannelFor(reference.ChannelId)
            ?? throw new InvalidOperationException($"No proactive channel serves '{reference.ChannelId}'.");
        var responses = new List<ResourceResponse>(activities.Length);
        foreach (var activity in activities)
        {
            if (activity.Type == ActivityTypesEx.InvokeResponse || activity.Type == "delay") continue;
            try
            {
                await channel.SendAsync(reference, activity, cancellationToken);
            }
            catch (MessageRefusedException refused)
            {
                // Not an error of the turn: the channel's rules (e.g. its reply window). The caller reads the report.
                turnContext.TurnState.Get<DeliveryReport>()?.Refuse(refused.Message);
                continue;
            }
            responses.Add(new ResourceResponse(activity.Id ?? ""));
        }
        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Agents do not edit sent messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Agents do not delete sent messages.");

    private IProactiveChannel? ChannelFor(string? channelId) =>
        channelId is null ? null : channels.FirstOrDefault(c => c.Serves(channelId));
}
