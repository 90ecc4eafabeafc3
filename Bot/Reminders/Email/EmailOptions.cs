using MailKit.Security;

namespace VssBot.Bot.Reminders.Email;

/// <summary>
/// The SMTP server reminders are emailed through, bound from "Email". Email reminders are on when <see cref="Host"/> and
/// <see cref="FromAddress"/> are set; the password comes from a secret.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls, SslOnConnect or None (a local relay / tests only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender students see, e.g. "vssid@truong.edu.vn".</summary>
    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "Trợ lý VssID";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(FromAddress);

    internal bool IsValid() => !IsEnabled || (Port is > 0 and < 65536 && MimeKit.MailboxAddress.TryParse(FromAddress, out _));
}
