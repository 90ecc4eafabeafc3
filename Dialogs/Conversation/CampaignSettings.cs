namespace VssBot.Dialogs.Conversation;

/// <summary>
/// One school's campaign (the 2021 notice's deadline, help line…): settings, not code.
/// Defaults are the national ones; a host binds its own from configuration.
/// </summary>
public sealed class CampaignSettings
{
    public string SchoolName { get; set; } = "";
    /// <summary>Vietnam Social Security's national hotline [C].</summary>
    public string Hotline { get; set; } = "1900 9068";
    /// <summary>Days after declaring within which the paper must reach the office, else the e-declaration is deleted.</summary>
    public int OfficeVisitDays { get; set; } = 10;
    /// <summary>Ids of the offices near the school (Reference/Data/offices.tsv), offered right after those serving the student's commune.</summary>
    public List<string> SchoolOffices { get; set; } = [];
    /// <summary>The school's own deadline for the campaign (the dashboard marks students not done by then as overdue).</summary>
    public DateOnly? Deadline { get; set; }
    /// <summary>Failed attempts at one question before the bot offers help and a person.</summary>
    public int MaxAttempts { get; set; } = 3;
    /// <summary>Ask each student once for their student id (right after consent), so the dashboard links them to the roster.</summary>
    public bool AskStudentId { get; set; }
}
