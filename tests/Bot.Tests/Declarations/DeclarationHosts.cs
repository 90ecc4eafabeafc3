using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Declarations;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>Hosts for declaration tests: fast retry settings, and the registry client wired to real in-memory HTTP.</summary>
public static class DeclarationHosts
{
    /// <summary>Timeouts and back-off in milliseconds instead of seconds, so failures and recoveries fit in a test.</summary>
    public static Dictionary<string, string?> FastSettings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["DeclarationApi:AttemptTimeout"] = "00:00:00.300",
            ["DeclarationApi:TotalTimeout"] = "00:00:02",
            ["DeclarationApi:Retries"] = "1",
            ["DeclarationApi:RetryDelay"] = "00:00:00.020",
            ["DeclarationApi:BreakDuration"] = "00:00:00.500",
            ["DeclarationOutbox:PollInterval"] = "00:00:00.050",
            ["DeclarationOutbox:RetryDelay"] = "00:00:00.050",
            ["DeclarationOutbox:MaxRetryDelay"] = "00:00:00.300",
            ["DeclarationOutbox:JourneyWait"] = "00:00:00",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
            settings[key] = value;
        return settings;
    }

    /// <summary>The embedded default: the bot calls its own registry over (in-memory) HTTP.</summary>
    public static VssBotFactory Embedded(string databasePath, IDictionary<string, string?>? settings = null) =>
        new(databasePath, FastSettings(settings), services => services.AddHttpClient(DeclarationApiOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler()));

    /// <summary>A bot whose registry is another host, reached through <paramref name="standIn"/>.</summary>
    public static VssBotFactory WithRemoteRegistry(string databasePath, Func<RemoteRegistryStandIn> standIn, IDictionary<string, string?>? settings = null) =>
        new(databasePath, FastSettings(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["DeclarationApi:BaseAddress"] = "http://registry.school.test/" }),
            services => services.AddHttpClient(DeclarationApiOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => standIn()));

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 20, Func<Task<object>>? describe = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out waiting for: {what} {(describe is null ? "" : await describe())}");
            await Task.Delay(50);
        }
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
