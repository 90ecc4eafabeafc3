namespace VssBot.Bot.Agents;

/// <summary>Who may sign in to the agent console and the school dashboard. Bound from the "Agents" section.</summary>
public sealed class AgentsOptions
{
    public const string SectionName = "Agents";

    /// <summary>
    /// The accounts. Empty: a development account <c>admin</c> is created at first start with a random password,
    /// printed once and kept hashed in the app data folder (<see cref="Auth.DevelopmentAccount"/>).
    /// </summary>
    public List<AgentUser> Users { get; set; } = [];

    /// <summary>Minutes of inactivity after which a sign-in expires (sliding).</summary>
    public int SessionMinutes { get; set; } = 30;

    /// <summary>How many recent messages are kept per conversation for the console.</summary>
    public int TranscriptLength { get; set; } = 50;
}

/// <param name="PasswordHash">An ASP.NET Core Identity <c>PasswordHasher</c> hash (PBKDF2), never the password.</param>
/// <param name="Role">agent, staff or admin (<see cref="Auth.AgentRoles"/>).</param>
public sealed record AgentUser
{
    public string UserName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>The name shown to colleagues (never to students).</summary>
    public string? DisplayName { get; set; }
}
