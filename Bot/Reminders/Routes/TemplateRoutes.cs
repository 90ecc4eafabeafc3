using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.Messenger;
using VssBot.Bot.Channels.Messenger.Send;
using VssBot.Bot.Channels.Zalo;
using VssBot.Bot.Channels.Zalo.Api;
using VssBot.Dialogs.Form01.Fields;

namespace VssBot.Bot.Reminders.Routes;

/// <summary>
/// A Zalo ZBS template message by user id, for countdown reminders of Zalo students, when the school configured an
/// approved template (<c>Zalo:ReminderTemplateId</c>). Parameters: <c>days_left</c>, <c>deadline</c>, <c>office</c>, <c>form_link</c>.
/// </summary>
public sealed class ZaloTemplateRoute(IServiceProvider services, IOptions<ZaloOptions> options) : IReminderRoute
{
    public string Name => "zalo-template";

    public async Task<RouteOutcome> TryDeliverAsync(ReminderNotice notice, CancellationToken cancellationToken)
    {
        if (notice.ChannelId != ZaloMapper.ChannelId)
            return RouteOutcome.Skipped("not a Zalo student");
        if (!options.Value.IsEnabled || string.IsNullOrWhiteSpace(options.Value.ReminderTemplateId))
            return RouteOutcome.Skipped("no Zalo template configured (Zalo:ReminderTemplateId)");
        if (notice.Deadline is not { } deadline)
            return RouteOutcome.Skipped("the template is for countdown reminders");
        var api = services.GetRequiredService<IZaloOaApi>();
        var tokens = services.GetRequiredService<ZaloTokenStore>();
        var request = new ZaloTemplateRequest(notice.UserId, options.Value.ReminderTemplateId, new Dictionary<string, string>
        {
            ["days_left"] = notice.DaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["deadline"] = DateFieldReader.Display(deadline),
            ["office"] = notice.Office,
            ["form_link"] = notice.PrintLink ?? "",
        });
        var response = await tokens.CallWithFreshTokenAsync(() => api.SendTemplateMessageAsync(request, cancellationToken), cancellationToken);
        return response.IsSuccessStatusCode && response.Content is { Error: 0 }
            ? RouteOutcome.Sent("sent")
            : RouteOutcome.Failed($"HTTP {(int?)response.StatusCode}, Zalo error {response.Content?.Error.ToString() ?? "none"}");
    }
}

/// <summary>
/// A Messenger utility message from an approved template (<c>Messenger:ReminderTemplateName</c>), for countdown reminders
/// of Messenger students; body parameters in order: days left, deadline, office, printable-form link.
/// </summary>
public sealed class MessengerUtilityRoute(IServiceProvider services, IOptions<MessengerOptions> options) : IReminderRoute
{
    public string Name => "messenger-utility";

    public async Task<RouteOutcome> TryDeliverAsync(ReminderNotice notice, CancellationToken cancellationToken)
    {
        if (notice.ChannelId != MessengerMapper.ChannelId)
            return RouteOutcome.Skipped("not a Messenger student");
        var settings = options.Value;
        if (!settings.IsEnabled || string.IsNullOrWhiteSpace(settings.ReminderTemplateName))
            return RouteOutcome.Skipped("no Messenger utility template configured (Messenger:ReminderTemplateName)");
        if (notice.Deadline is not { } deadline)
            return RouteOutcome.Skipped("the template is for countdown reminders");
        var template = new MessengerUtilityTemplate(settings.ReminderTemplateName, new MessengerTemplateLanguage(settings.ReminderTemplateLanguage),
        [
            new MessengerTemplateComponent("body",
            [
                new(notice.DaysLeft.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new(DateFieldReader.Display(deadline)),
                new(notice.Office),
                new(notice.PrintLink ?? ""),
            ]),
        ]);
        var request = new MessengerSendRequest(new MessengerRecipient(notice.UserId), MessengerSendRequest.Utility, new MessengerOutgoingMessage(null, Template: template));
        var response = await services.GetRequiredService<IMessengerSendApi>().SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
            return RouteOutcome.Sent("sent");
        var (code, subcode) = MessengerAdapter.GraphError(response);
        return RouteOutcome.Failed($"HTTP {(int?)response.StatusCode}, Graph error {code?.ToString() ?? "none"}/{subcode?.ToString() ?? "-"}: {GraphErrors.Classify((int?)response.StatusCode ?? 0, code, subcode)}");
    }
}
