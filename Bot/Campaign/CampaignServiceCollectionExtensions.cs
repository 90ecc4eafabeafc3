using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Campaign;

public static class CampaignServiceCollectionExtensions
{
    /// <summary>One school's campaign (help line, office-visit window, attempts before escalation) from the "Campaign" section.</summary>
    public static IServiceCollection AddCampaignSettings(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Campaign").Get<CampaignSettings>() ?? new CampaignSettings();
        if (settings.OfficeVisitDays is < 1 or > 60 || settings.MaxAttempts is < 1 or > 10 || string.IsNullOrWhiteSpace(settings.Hotline))
            throw new InvalidOperationException("Campaign settings are out of range: OfficeVisitDays 1–60, MaxAttempts 1–10, Hotline required.");
        // Office ids are checked against the office list when the conversation is built (OfficeDirectory.Get).
        return services.AddSingleton(settings);
    }
}
