using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace VssBot.Bot.Reminders.Email;

/// <summary>Sends one message through the configured SMTP server (MailKit), a connection per message (reminders are few).</summary>
public sealed class SmtpMailer(IOptions<EmailOptions> options)
{
    public bool IsEnabled => options.Value.IsEnabled;

    public MailboxAddress From => new(options.Value.FromName, options.Value.FromAddress);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
