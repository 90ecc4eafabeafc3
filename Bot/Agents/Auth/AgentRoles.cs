namespace VssBot.Bot.Agents.Auth;

/// <summary>The roles of <see cref="AgentUser.Role"/> and the policies the endpoints require.</summary>
public static class AgentRoles
{
    /// <summary>A hotline agent: the agent console.</summary>
    public const string Agent = "agent";
    /// <summary>School staff: the completion dashboard and the roster.</summary>
    public const string Staff = "staff";
    /// <summary>Everything, including the campaign settings and the audit log.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Staff, Admin];

    /// <summary>Policy: the agent console (agent, admin).</summary>
    public const string ConsolePolicy = "agents.console";
    /// <summary>Policy: the school dashboard (staff, admin).</summary>
    public const string SchoolPolicy = "agents.school";
    /// <summary>Policy: settings and audit log (admin).</summary>
    public const string AdminPolicy = "agents.admin";
}
