using System.Text.Json;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Agents.School;

/// <summary>What an admin may change in the campaign from the dashboard.</summary>
/// <param name="AskStudentId">Whether the bot asks students for their student id; null leaves it as it is.</param>
public sealed record CampaignChanges(string SchoolName, string Hotline, DateOnly? Deadline, bool? AskStudentId = null);

/// <summary>
/// Campaign settings edited by an admin: persisted in the settings table and applied to the one
/// <see cref="CampaignSettings"/> the bot's texts read, so the next message already quotes the new help line.
/// Configuration gives the defaults; what an admin saved wins, also after a restart.
/// </summary>
public sealed class CampaignStore(ISettingsStore store, CampaignSettings settings)
{
    private const string SettingName = "campaign";

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
        return null;
    }

    private void Apply(CampaignChanges changes)
    {
        settings.SchoolName = changes.SchoolName;
        settings.Hotline = changes.Hotline;
        settings.Deadline = changes.Deadline;
        if (changes.AskStudentId is { } ask) settings.AskStudentId = ask;
    }
}
