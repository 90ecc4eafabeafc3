namespace VssBot.Dialogs.Conversation;

/// <summary>
/// Whether the host can send reminders by email (an SMTP server is configured). Without one (dialog tests, a host with no
/// mail server) the student is not asked «Mình nhắc bạn qua email nữa nhé?».
/// </summary>
public interface IEmailReminders
{
    bool Available { get; }
}
