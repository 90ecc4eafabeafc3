using VssBot.Bot.Channels.Webhooks;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Reminders;

/// <summary>
/// Why a reminder did not reach a student, for school staff in Vietnamese (<c>staff.*</c> in the texts): reads the
/// routes' attempts as the <see cref="ReminderRouter"/> writes them ("chat: outside window: …; email: no SMTP server
/// configured") — also rows the ledger kept from before — and gives one label per kind of failure, without repeats.
/// Routes that do not apply to the student ("not a Zalo student") say nothing.
/// </summary>
public sealed class ReminderReasons(BotTexts texts)
{
    private static readonly string[] NotApplicable = ["not a ", "the template is for countdown reminders"];

    public string Describe(IEnumerable<string> attempts)
    {
        var labels = attempts.Select(Label).OfType<string>().Distinct().ToList();
        return labels.Count > 0 ? string.Join(" ", labels) : texts["staff.reason.other"];
    }

    /// <summary>The ledger's form: the attempts joined with "; ".</summary>
    public string Describe(string attempts) => Describe(attempts.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public string HeldByAgent => texts["staff.reason.held_by_agent"];

    private string? Label(string attempt)
    {
        var colon = attempt.IndexOf(": ", StringComparison.Ordinal);
        var route = colon < 0 ? attempt : attempt[..colon];
        var reason = colon < 0 ? "" : attempt[(colon + 2)..];
        if (NotApplicable.Any(n => reason.StartsWith(n, StringComparison.Ordinal)))
            return null;
        // A platform's classified failure says most (the student blocked the page, a token to renew).
        foreach (var failure in Enum.GetNames<DeliveryFailure>())
            if (failure != nameof(DeliveryFailure.Other) && reason.Contains(failure, StringComparison.Ordinal))
                return texts["staff.delivery." + failure];
        return route switch
        {
            "chat" when reason.StartsWith("outside window", StringComparison.Ordinal) => texts["staff.reason.chat_outside_window"],
            "chat" when reason.StartsWith("no proactive route", StringComparison.Ordinal) || reason.StartsWith("no route", StringComparison.Ordinal)
                => texts["staff.reason.chat_no_route"],
            "chat" => texts["staff.reason.chat_failed"],
            "email" when reason.StartsWith("no SMTP", StringComparison.Ordinal) => texts["staff.reason.email_not_configured"],
            "email" when reason.StartsWith("no email address", StringComparison.Ordinal) => texts["staff.reason.email_not_agreed"],
            "email" => texts["staff.reason.email_failed"],
            "zalo-template" or "messenger-utility" when reason.StartsWith("no ", StringComparison.Ordinal) => texts["staff.reason.template_not_configured"],
            "zalo-template" or "messenger-utility" => texts["staff.reason.template_failed"],
            _ => texts["staff.reason.other"],
        };
    }
}
