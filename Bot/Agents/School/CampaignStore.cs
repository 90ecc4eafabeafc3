using System.Text.Json;
using VssBot.Bot.Storage.Notifications;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Agents.School;

/// <summary>What an admin may change in the campaign from the dashboard.</summary>
/// <param name="AskStudentId">Whether the bot asks students for their student id; null leaves it as it is.</param>
public sealed record CampaignChanges(string SchoolName, string Hotline, DateOnly? Deadline, bool? AskStudentId = null);

/// <summary>
/// Campaign settings edited by an admin: persisted in the settings table and applied to the one
/// <see cref="CampaignSettings"/> the bot's texts read, so the next message already quotes the new help line.
/// Configuration gives the defaults; what an admin saved wins, also after a restart. A save on one replica is applied
/// by every replica (<see cref="ChangeTopics.Settings"/>: the setting's name only, each replica reads the store).
/// </summary>
public sealed class CampaignStore : IDisposable
{
    private const string SettingName = "campaign";

    private readonly ISettingsStore store;
    private readonly CampaignSettings settings;
    private readonly IChangeNotifications notifications;
    private readonly ILogger<CampaignStore> logger;
    private readonly IDisposable subscription;

    public CampaignStore(ISettingsStore store, CampaignSettings settings, IChangeNotifications notifications, ILogger<CampaignStore> logger)
    {
        (this.store, this.settings, this.notifications, this.logger) = (store, settings, notifications, logger);
        subscription = notifications.Subscribe(ChangeTopics.Settings, name =>
        {
            if (name == SettingName)
                _ = ReloadAsync();
        });
    }

    private async Task ReloadAsync()
    {
        try
        {
            await ApplyStoredAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning("Campaign settings saved on another instance could not be read: {Error}", Turns.ExceptionSummary.Describe(e, withStack: false));
        }
    }

    public CampaignChanges Current => new(settings.SchoolName, settings.Hotline, settings.Deadline, settings.AskStudentId);

    public async Task ApplyStoredAsync(CancellationToken cancellationToken)
    {
        if (await store.GetAsync(SettingName, cancellationToken) is { } json && JsonSerializer.Deserialize<CampaignChanges>(json) is { } stored)
            Apply(stored);
    }

    /// <summary>Validates, saves and applies; returns the problem in Vietnamese, or null.</summary>
    public async Task<string?> SaveAsync(CampaignChanges changes, CancellationToken cancellationToken)
    {
        var hotline = changes.Hotline?.Trim() ?? "";
        if (hotline.Length is 0 or > 40 || hotline.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')' or ',' or '/')))
            return "Số đường dây nóng không hợp lệ (chỉ gồm chữ số, dấu cách, dấu chấm, gạch ngang).";
        var schoolName = changes.SchoolName?.Trim() ?? "";
        if (schoolName.Length > 200) return "Tên trường quá dài.";
        var clean = new CampaignChanges(schoolName, hotline, changes.Deadline, changes.AskStudentId ?? settings.AskStudentId);
        await store.SetAsync(SettingName, JsonSerializer.Serialize(clean), cancellationToken);
        Apply(clean);
        try
        {
            await notifications.PublishAsync(ChangeTopics.Settings, SettingName, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The other instances could not be told of the new campaign settings (they apply them at their next start): {Error}",
                Turns.ExceptionSummary.Describe(e, withStack: false));
        }
        return null;
    }

    private void Apply(CampaignChanges changes)
    {
        settings.SchoolName = changes.SchoolName;
        settings.Hotline = changes.Hotline;
        settings.Deadline = changes.Deadline;
        if (changes.AskStudentId is { } ask) settings.AskStudentId = ask;
    }

    public void Dispose() => subscription.Dispose();
}
