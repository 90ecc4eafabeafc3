using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Webhooks.Stores;
using VssBot.Bot.Privacy;
using VssBot.Bot.Reminders.Email;
using VssBot.Bot.Reminders.Ledger;
using VssBot.Bot.Reminders.Routes;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Reminder routing: the routes in the order they are tried (chat inside its window, Zalo template, Messenger utility
    /// template, email), the ledger on the configured store, SMTP from "Email".
    /// </summary>
    public static IServiceCollection AddReminderRouting(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.SectionName)
            .Validate(o => o.IsValid(), "Email: set Email:Host and a valid Email:FromAddress together (Port 1-65535), or neither.")
            .ValidateOnStart();
        services.TryAddSingleton<SmtpMailer>();
        services.TryAddSingleton<ReminderEmail>();
        services.TryAddSingleton<IEmailReminders, EmailReminderAvailability>();
        services.AddChannelStores();
        services.TryAddSingleton<IReminderLedger>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Memory => new MemoryReminderLedger(),
            StorageProvider.Postgres => new PostgresReminderLedger(sp.GetRequiredService<PostgresDatabase>()),
            _ => new SqliteReminderLedger(sp.GetRequiredService<SqliteChannelsDatabase>()),
        });
        services.AddRetentionTarget<ReminderLedgerRetention>();
        services.AddSingleton<IReminderRoute, ChatRoute>();
        services.AddSingleton<IReminderRoute, ZaloTemplateRoute>();
        services.AddSingleton<IReminderRoute, MessengerUtilityRoute>();
        services.AddSingleton<IReminderRoute, EmailRoute>();
        services.TryAddSingleton<ReminderRouter>();
        services.TryAddSingleton<ReminderReasons>();
        return services;
    }
}

/// <summary>Email reminders are offered to students when an SMTP server is configured.</summary>
public sealed class EmailReminderAvailability(IOptions<EmailOptions> options) : IEmailReminders
{
    public bool Available => options.Value.IsEnabled;
}
