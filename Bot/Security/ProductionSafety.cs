namespace VssBot.Bot.Security;

/// <summary>
/// What Production refuses: keys the bot would otherwise generate for itself in its data folder (development keys, readable by
/// anyone who can read that folder) and the development admin account. Checked when the host starts, before anything is
/// created, with an error naming every key to set.
/// </summary>
public static class ProductionSafety
{
    /// <summary>Configuration keys that must be set in Production, and why.</summary>
    public static readonly IReadOnlyList<(string Key, string Why)> RequiredKeys =
    [
        ("DataProtection:Key", "encrypts students' personal data (openssl rand -base64 32)"),
        ("DeclarationApi:ApiKey", "protects the registry of declarations (openssl rand -base64 32)"),
        ("DirectLine:SigningKey", "signs Direct Line tokens and attachment links (openssl rand -base64 32)"),
        ("Printing:PublicBaseUrl", "is where students open their printable form (https://bot.example.edu.vn)"),
    ];

    /// <summary>The problems of this configuration in Production (none elsewhere).</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
            return [];
        var problems = RequiredKeys
            .Where(r => string.IsNullOrWhiteSpace(configuration[r.Key]))
            .Select(r => $"{r.Key} must be set in Production: it {r.Why}" + (r.Key.EndsWith("Key", StringComparison.Ordinal) ? "; without it a development key would be generated in the data folder." : "."))
            .ToList();
        var users = configuration.GetSection($"{Agents.AgentsOptions.SectionName}:Users").GetChildren();
        if (!users.Any(u => !string.IsNullOrWhiteSpace(u["UserName"])))
            problems.Add("Agents:Users must list at least one account in Production (UserName, PasswordHash from `dotnet run --project Bot -- hash-password`, Role); " +
                "the development admin is never created there.");
        return problems;
    }

    /// <summary>
    /// Registered as the first hosted service: the host constructs all hosted services (whose dependencies generate development
    /// keys and the development account) before options validation, so the refusal happens in this constructor.
    /// </summary>
    internal sealed class Check : IHostedService
    {
        public Check(IConfiguration configuration, IHostEnvironment environment)
        {
            if (Problems(configuration, environment) is { Count: > 0 } problems)
                throw new InvalidOperationException("VssBot refuses to start in Production:" + string.Concat(problems.Select(p => Environment.NewLine + " - " + p)));
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
