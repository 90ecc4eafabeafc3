using MailKit;
using MailKit.Net.Smtp;
using VssBot.Bot.Reminders.Email;

namespace VssBot.Bot.Reminders.Routes;

/// <summary>Email to the address the student gave in Form 01, only when they said yes at "Ghi nhận" and SMTP is configured.</summary>
public sealed class EmailRoute(SmtpMailer mailer, ReminderEmail email) : IReminderRoute
{
    public string Name => "email";

    public async Task<RouteOutcome> TryDeliverAsync(ReminderNotice notice, CancellationToken cancellationToken)
    {
        if (!mailer.IsEnabled)
            return RouteOutcome.Skipped("no SMTP server configured");
        if (string.IsNullOrWhiteSpace(notice.Email))
            return RouteOutcome.Skipped("no email address, or the student did not agree to email reminders");
        try
        {
            await mailer.SendAsync(email.Compose(notice, mailer.From), cancellationToken);
            return RouteOutcome.Sent("sent");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or MailKit.Security.AuthenticationException or IOException or System.Net.Sockets.SocketException or FormatException or MimeKit.ParseException)
        {
            return RouteOutcome.Failed("SMTP: " + e.GetType().Name + (e is SmtpCommandException c ? $" {(int)c.StatusCode}" : ""));
        }
    }
}
