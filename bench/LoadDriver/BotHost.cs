using Microsoft.AspNetCore.Hosting;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.Testing;
using VssBot.Bot.Agents.Auth;

namespace VssBot.Bench.LoadDriver;

/// <summary>
/// The real bot (Bot/Program.cs) on Kestrel in this process, in the Production environment, on a fresh SQLite file
/// in a temporary folder: the same host `dotnet run --project Bot` starts, reached over real sockets.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public BotHost(DriverOptions options, string dataFolder, IDictionary<string, string?> extra)
    {
        DatabasePath = Path.Combine(dataFolder, "vssbot.db");
        settings = new Dictionary<string, string?>(extra)
        {
            ["Storage:Provider"] = options.Provider,
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["Printing:PublicBaseUrl"] = "http://127.0.0.1",
            // Production refuses development keys and the development admin: a run gets its own throw-away ones.
            ["DataProtection:Key"] = NewKey(),
            ["DeclarationApi:ApiKey"] = NewKey(),
            ["DirectLine:SigningKey"] = NewKey(),
            ["Agents:Users:0:UserName"] = "load-driver",
            ["Agents:Users:0:PasswordHash"] = AgentAccounts.Hash(NewKey()),
            ["Agents:Users:0:Role"] = "admin",
        };
        if (options.LogLevel is { } level)
        {
            settings["Logging:LogLevel:Default"] = level;
            settings["Logging:LogLevel:VssBot"] = level;
        }
        UseKestrel(0);
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string DatabasePath { get; }

    /// <summary>Bot/ of the checkout this driver was built from (appsettings.json, wwwroot).</summary>
    private static string BotFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Bot", "Bot.csproj")))
                return Path.Combine(folder.FullName, "Bot");
        throw new DirectoryNotFoundException("Bot/Bot.csproj not found above " + AppContext.BaseDirectory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(BotFolder());
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }
}
