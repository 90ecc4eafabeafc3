using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Agents.Console;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.HandOff;
using VssBot.Bot.Agents.Pages;
using VssBot.Bot.Agents.School;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Agents;

public static class AgentsServiceCollectionExtensions
{
    /// <summary>
    /// The agent console and the school dashboard: accounts and cookie sign-in ("Agents"), the conversation directory
    /// and transcript (recorded after every turn), hand-off, audit log, roster and campaign settings.
    /// </summary>
    public static IServiceCollection AddAgentsAndSchool(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentsOptions>()
            .BindConfiguration(AgentsOptions.SectionName)
            .Validate(o => o.SessionMinutes is >= 5 and <= 480, "Agents:SessionMinutes must be 5–480.")
            .Validate(o => o.TranscriptLength is >= 1 and <= 500, "Agents:TranscriptLength must be 1–500.")
            .ValidateOnStart();
        var sessionMinutes = configuration.GetValue($"{AgentsOptions.SectionName}:{nameof(AgentsOptions.SessionMinutes)}", 30);
        services.AddAgentSignIn(sessionMinutes);

        services.AddSingleton(AgentsDatabase.For);
        // Each table on the store Storage:Provider names: the SQLite file, or PostgreSQL shared by every replica.
        services.AddStore<IStudentDirectoryStore, SqliteStudentDirectoryStore, PostgresStudentDirectoryStore>();
        services.AddStore<ITranscriptStore, SqliteTranscriptStore, PostgresTranscriptStore>();
        services.AddStore<IAuditStore, SqliteAuditStore, PostgresAuditStore>();
        services.AddStore<IRosterStore, SqliteRosterStore, PostgresRosterStore>();
        services.AddStore<ISettingsStore, SqliteSettingsStore, PostgresSettingsStore>();
        services.AddStore<ISignInStore, SqliteSignInStore, PostgresSignInStore>();
        services.AddSingleton<AgentAccounts>();
        services.AddSingleton<AgentSessions>();
        services.AddSingleton<AgentPages>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AgentEvents>();
        services.AddSingleton<PendingRecords>();
        services.AddSingleton<StudentDirectory>();
        services.AddSingleton<StudentTranscript>();
        services.AddRetentionTarget<DirectoryRetention>();
        services.AddSingleton<StudentNames>();
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton<ITurnObserver>(sp => sp.GetRequiredService<ConversationRecorder>());
        services.AddHostedService<RecorderShutdown>();

        services.AddSingleton<HandOffService>();

        services.AddSchoolDashboard();
        // Accounts are checked (and the development account created) at start-up, not at the first sign-in.
        services.AddHostedService<AgentsStartup>();
        return services;
    }

    public static WebApplication UseAgentsAndSchool(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapGet(AgentPages.StylesheetPath, (AgentPages pages) => pages.Stylesheet()).AllowAnonymous().ExcludeFromDescription();
        app.MapAgentSignIn();
        app.MapAgentConsole();
        app.MapSchoolDashboard();
        return app;
    }

    /// <summary>On shutdown, the turns' records still queued are written before the host stops.</summary>
    private sealed class RecorderShutdown(ConversationRecorder recorder) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            try
            {
                await recorder.FlushAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout passed: what is left is lost with the process.
            }
        }
    }

    private sealed class AgentsStartup(AgentAccounts accounts, CampaignStore campaign) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _ = accounts;
            await campaign.ApplyStoredAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
