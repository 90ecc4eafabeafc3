using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Agents.Auth;

/// <summary>
/// The accounts that may sign in: <c>Agents:Users</c> from configuration (hashes only). When none is configured, one
/// development account <c>admin</c> (role admin): its random password is printed once, at the first start, and only its
/// hash is kept, in <c>agents-development.json</c> in the app data folder. Delete that file to get a new password.
/// </summary>
public sealed class AgentAccounts
{
    public const string DevelopmentUserName = "admin";
    public const string DevelopmentFileName = "agents-development.json";

    private readonly PasswordHasher<AgentUser> hasher = new();
    private readonly IReadOnlyDictionary<string, AgentUser> users;
    private readonly string unknownUserHash;

    public AgentAccounts(IOptions<AgentsOptions> options, AgentsDatabase database, IHostEnvironment environment, ILogger<AgentAccounts> logger)
    {
        var configured = options.Value.Users.Where(u => !string.IsNullOrWhiteSpace(u.UserName)).ToList();
        foreach (var user in configured)
            if (!AgentRoles.All.Contains(user.Role) || string.IsNullOrWhiteSpace(user.PasswordHash))
                throw new InvalidOperationException($"Agents:Users: '{user.UserName}' needs a PasswordHash and a Role of agent, staff or admin.");
        // Production never gets the development account (Security/ProductionSafety refuses to start before this).
        if (configured.Count == 0 && environment.IsProduction())
            throw new InvalidOperationException("Agents:Users is required in Production (no development account is created there).");
        if (configured.Count == 0)
            configured.Add(DevelopmentAccount(Path.GetDirectoryName(database.DatabasePath)!, logger));
        users = configured.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        unknownUserHash = hasher.HashPassword(new AgentUser(), RandomNumberGenerator.GetHexString(16));
    }

    /// <summary>The configured account of this name, or null.</summary>
    public AgentUser? Find(string userName) => users.GetValueOrDefault(userName.Trim());

    /// <summary>The account for these credentials, or null. Unknown names cost the same hashing time as known ones.</summary>
    public AgentUser? Verify(string? userName, string? password)
    {
        if (string.IsNullOrEmpty(password)) return null;
        var user = userName is null ? null : users.GetValueOrDefault(userName.Trim());
        var result = hasher.VerifyHashedPassword(user ?? new AgentUser(), user?.PasswordHash ?? unknownUserHash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    /// <summary>The hash to put in <c>Agents:Users:n:PasswordHash</c> for a password.</summary>
    public static string Hash(string password) => new PasswordHasher<AgentUser>().HashPassword(new AgentUser(), password);

    /// <summary>Reads a password from standard input and prints its hash (for <c>Agents:Users:n:PasswordHash</c>).</summary>
    public static void PrintHashOfPasswordFromInput()
    {
        System.Console.Error.Write("Mật khẩu: ");
        var password = System.Console.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            System.Console.Error.WriteLine("Chưa nhập mật khẩu.");
            return;
        }
        System.Console.WriteLine(Hash(password));
    }

    private static AgentUser DevelopmentAccount(string folder, ILogger logger)
    {
        var path = Path.Combine(folder, DevelopmentFileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<AgentUser>(File.ReadAllText(path)) is { PasswordHash.Length: > 0 } stored)
        {
            logger.LogWarning("No Agents:Users configured: the development account '{User}' (password printed at its first start; delete {Path} for a new one) can sign in at /agents/login",
                stored.UserName, path);
            return stored;
        }

        var password = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
        var user = new AgentUser { UserName = DevelopmentUserName, Role = AgentRoles.Admin, DisplayName = "Quản trị (phát triển)", PasswordHash = Hash(password) };
        System.IO.Directory.CreateDirectory(folder);
        using (var writer = new StreamWriter(path, System.Text.Encoding.UTF8, Privacy.OwnerOnlyFiles.NewFile(FileMode.Create)))
            writer.Write(JsonSerializer.Serialize(user));
        // The one time this password is shown: it is not kept anywhere in clear.
        logger.LogWarning("No Agents:Users configured: created the DEVELOPMENT account '{User}' with password '{Password}' (shown once; only its hash is kept in {Path}). Sign in at /agents/login",
            user.UserName, password, path);
        return user;
    }
}
