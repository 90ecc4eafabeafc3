using System.Text.Encodings.Web;
using System.Text.Unicode;
using MimeKit;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Reminders.Email;

/// <summary>
/// A reminder as an email in Vietnamese, plain text and HTML: the deadline, the office, the printable-form link
/// (texts in Dialogs/Texts, "email.*").
/// </summary>
public sealed class ReminderEmail(BotTexts texts, CampaignSettings campaign)
{
    /// <summary>Escapes markup only: Vietnamese letters stay readable in the HTML part (UTF-8).</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public MimeMessage Compose(ReminderNotice notice, MailboxAddress from)
    {
        var school = string.IsNullOrWhiteSpace(campaign.SchoolName) ? "" : " của " + campaign.SchoolName;
        string subject;
        List<string> paragraphs = [texts["email.reminder_greeting"]];
        if (notice.Deadline is { } deadline)
        {
            subject = texts.Format("email.reminder_subject", ("daysLeft", notice.DaysLeft));
            paragraphs.Add(texts.Format("email.reminder_body", ("daysLeft", notice.DaysLeft), ("deadline", DateFieldReader.Display(deadline)),
                ("office", string.IsNullOrWhiteSpace(notice.Office) ? texts["conv.address_unknown"] : notice.Office)));
        }
        else
        {
            subject = texts["email.school_reminder_subject"];
            paragraphs.Add(notice.ChatText);
        }
        var link = notice.PrintLink is { Length: > 0 } l ? texts.Format("email.reminder_link", ("link", l)) : null;
        var footer = texts.Format("email.reminder_footer", ("school", school));

        var plain = string.Join("\n\n", paragraphs.Append(link).Append(footer).OfType<string>());
        var html = "<!DOCTYPE html><html lang=\"vi\"><body>"
            + string.Concat(paragraphs.Select(p => $"<p>{Html.Encode(p)}</p>"))
            + (notice.PrintLink is { Length: > 0 } href ? $"<p><a href=\"{Html.Encode(href)}\">{Html.Encode(texts.Format("email.reminder_link", ("link", href)))}</a></p>" : "")
            + $"<p style=\"color:#666;font-size:smaller\">{Html.Encode(footer)}</p></body></html>";

        var message = new MimeMessage { Subject = subject };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(notice.Email!));
        message.Body = new BodyBuilder { TextBody = plain, HtmlBody = html }.ToMessageBody();
        return message;
    }
}
